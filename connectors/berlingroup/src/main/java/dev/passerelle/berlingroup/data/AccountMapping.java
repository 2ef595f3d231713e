package dev.passerelle.berlingroup.data;

import dev.passerelle.berlingroup.transport.Json;
import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountBalance;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An {@code accountDetails} or {@code cardAccountDetails} as an {@link Account}: its name, kind (ISO
 * 20022 {@code ExternalCashAccountType1Code}, the bank's word kept as raw type), identifiers and
 * balances ({@link Balances}).
 */
public final class AccountMapping {

    /** ISO 20022 cash account types, in the protocol's kinds; the rest are {@link AccountType#OTHER}. */
    private static final Map<String, AccountType> CASH_ACCOUNT_TYPES = Map.ofEntries(
            Map.entry("CACC", AccountType.CHECKING), Map.entry("CASH", AccountType.CHECKING),
            Map.entry("TRAN", AccountType.CHECKING), Map.entry("SLRY", AccountType.CHECKING),
            Map.entry("ODFT", AccountType.CHECKING), Map.entry("NREX", AccountType.CHECKING),
            Map.entry("SVGS", AccountType.SAVINGS), Map.entry("LLSV", AccountType.SAVINGS),
            Map.entry("MOMA", AccountType.SAVINGS), Map.entry("ONDP", AccountType.DEPOSIT),
            Map.entry("LOAN", AccountType.LOAN), Map.entry("MGLD", AccountType.LOAN),
            Map.entry("CARD", AccountType.CARD));

    private AccountMapping() {
    }

    /**
     * The account, or empty when the bank shows it closed ({@code status: deleted}) or without a
     * currency. An account listed without balances (a list of available accounts without them) shows
     * a balance of zero: the connector reads the balances wherever the consent grants them.
     *
     * @param bankBic the bank's BIC, for accounts that do not name theirs
     */
    public static Optional<Account> account(JsonNode details, boolean card, String bankBic) {
        if ("deleted".equalsIgnoreCase(Json.text(details, "status").orElse(""))) {
            return Optional.empty();
        }
        String currency = Json.text(details, "currency").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        if (currency == null) {
            return Optional.empty();
        }
        List<AccountBalance> balances = Balances.read(details.path("balances"));
        Balances.Picked balance = Balances.pick(balances, currency, card)
                .orElse(new Balances.Picked(BigDecimal.ZERO, null));
        Optional<String> rawType = Json.text(details, "cashAccountType");
        AccountType type = card ? AccountType.CARD : rawType.map(t -> t.toUpperCase(Locale.ROOT))
                .map(CASH_ACCOUNT_TYPES::get).orElse(rawType.isPresent() ? AccountType.OTHER : AccountType.CHECKING);
        String identifier = AccountIds.identifier(details).orElse(null);
        return Optional.of(Account.builder()
                .externalId(AccountIds.externalId(details))
                .number(identifier)
                .name(Json.text(details, "displayName").or(() -> Json.text(details, "name"))
                        .or(() -> Json.text(details, "product")).orElse(identifier == null ? "Account" : identifier))
                .type(type, rawType.orElse(card ? "card-account" : null))
                .balance(balance.balance())
                .coming(balance.coming())
                .balances(balances)
                .currency(currency)
                .iban(Json.text(details, "iban").map(iban -> iban.replace(" ", "").toUpperCase(Locale.ROOT)).orElse(null))
                .bic(Json.text(details, "bic").orElse(bankBic))
                .usage(Json.text(details, "usage").map(AccountMapping::usage).orElse(null))
                .build());
    }

    private static AccountUsage usage(String usage) {
        return switch (usage.toUpperCase(Locale.ROOT)) {
            case "PRIV" -> AccountUsage.PRIVATE;
            case "ORGA" -> AccountUsage.ORGANISATION;
            default -> null;
        };
    }
}
