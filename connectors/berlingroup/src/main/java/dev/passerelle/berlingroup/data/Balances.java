package dev.passerelle.berlingroup.data;

import dev.passerelle.berlingroup.transport.Json;
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

    /**
     * Picks from a {@code balances} array.
     *
     * @param currency the account's currency
     * @return empty when the array holds no usable balance
     */
    public static Optional<Picked> pick(JsonNode balances, String currency, boolean card) {
        List<Entry> entries = new ArrayList<>();
        balances.forEach(node -> Json.amount(node, "balanceAmount").ifPresent(amount -> entries.add(new Entry(
                Json.text(node, "balanceType").orElse(""), amount,
                node.path("creditLimitIncluded").asBoolean(false)))));
        List<String> order = card ? CARD_ORDER : ACCOUNT_ORDER;
        Optional<Entry> chosen = entries.stream().min(Comparator
                .comparing((Entry e) -> !e.amount().currency().equalsIgnoreCase(currency))
                .thenComparing(Entry::creditLimitIncluded)
                .thenComparingInt(e -> order.contains(e.type()) ? order.indexOf(e.type()) : order.size()));
        return chosen.map(balance -> new Picked(balance.amount().value(), coming(balance, entries)));
    }

    private static BigDecimal coming(Entry balance, List<Entry> entries) {
        if (!BOOKED.contains(balance.type())) {
            return null;
        }
        return entries.stream()
                .filter(e -> e.type().equals("expected") && !e.creditLimitIncluded()
                        && e.amount().currency().equalsIgnoreCase(balance.amount().currency()))
                .findFirst()
                .map(expected -> expected.amount().value().subtract(balance.amount().value()))
                .orElse(null);
    }

    private record Entry(String type, Json.Amount amount, boolean creditLimitIncluded) {
    }
}
