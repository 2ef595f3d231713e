package dev.passerelle.berlingroup.data;

import dev.passerelle.berlingroup.transport.Json;
import dev.passerelle.connector.AccountBalance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Which of a bank's balances is the account's {@code balance} and what is {@code coming}, as
 * aggregation users read them: the booked balance, the most recent first ({@code interimBooked}
 * during the day, then {@code closingBooked}, {@code openingBooked}), and only when the bank gives no
 * booked balance the projected or available ones; {@code coming} is what the pending items add to it
 * ({@code expected} minus the booked balance). A card account's balance is what it owes: the
 * entries not invoiced yet first. Balances in another currency than the account's, and available
 * balances that include a credit limit, come last.
 */
public final class Balances {

    private static final List<String> ACCOUNT_ORDER = List.of("interimBooked", "closingBooked", "openingBooked",
            "expected", "interimAvailable", "forwardAvailable");
    private static final List<String> CARD_ORDER = List.of("nonInvoiced", "interimBooked", "expected", "closingBooked",
            "openingBooked", "interimAvailable", "forwardAvailable");
    private static final List<String> BOOKED = List.of("interimBooked", "closingBooked", "openingBooked");

    private Balances() {
    }

    /** The account's balance and coming. */
    public record Picked(BigDecimal balance, BigDecimal coming) {
    }

    /** Every balance of a {@code balances} array that reads; the others are left out. */
    public static List<AccountBalance> read(JsonNode balances) {
        List<AccountBalance> read = new ArrayList<>();
        balances.forEach(node -> Json.amount(node, "balanceAmount").ifPresent(amount -> read.add(new AccountBalance(
                Json.text(node, "balanceType").orElse(""), amount.value(), amount.currency(),
                Json.date(node, "referenceDate").orElse(null),
                node.path("creditLimitIncluded").isBoolean() ? node.path("creditLimitIncluded").asBoolean() : null))));
        return read;
    }

    /**
     * Picks the account's balance.
     *
     * @param currency the account's currency
     * @return empty when there is no balance
     */
    public static Optional<Picked> pick(List<AccountBalance> balances, String currency, boolean card) {
        List<String> order = card ? CARD_ORDER : ACCOUNT_ORDER;
        return balances.stream().min(Comparator
                        .comparing((AccountBalance b) -> !b.currency().equalsIgnoreCase(currency))
                        .thenComparing(Balances::includesCredit)
                        .thenComparingInt(b -> order.contains(b.type()) ? order.indexOf(b.type()) : order.size()))
                .map(balance -> new Picked(balance.amount(), coming(balance, balances)));
    }

    private static BigDecimal coming(AccountBalance balance, List<AccountBalance> balances) {
        if (!BOOKED.contains(balance.type())) {
            return null;
        }
        return balances.stream()
                .filter(b -> b.type().equals("expected") && !includesCredit(b)
                        && b.currency().equalsIgnoreCase(balance.currency()))
                .findFirst()
                .map(expected -> expected.amount().subtract(balance.amount()))
                .orElse(null);
    }

    private static boolean includesCredit(AccountBalance balance) {
        return Boolean.TRUE.equals(balance.creditLimitIncluded());
    }
}
