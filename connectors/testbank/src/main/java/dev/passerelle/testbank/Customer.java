package dev.passerelle.testbank;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.ConnectionContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The bank customer a call is about, and the bank's today. The same login and kind of customer
 * always give the same customer, whichever source asks, so that both sources of a connection show
 * the same accounts with the same ids.
 */
record Customer(Identity identity, List<BankAccount> accounts, LocalDate today) {

    /** The bank's days are Paris days. */
    private static final ZoneId BANK_ZONE = ZoneId.of("Europe/Paris");

    static Customer of(ConnectionContext ctx) {
        return of(seed(ctx), kind(ctx), ctx.clock().instant());
    }

    /**
     * Who the customer of a call is, without their accounts: what a call about their contracts or
     * profile needs, spared building every account and its balance.
     */
    static Identity identityOf(ConnectionContext ctx) {
        return Identity.of(seed(ctx), kind(ctx));
    }

    /**
     * A source added by web authentication has no login of its own: the customer is the one who
     * logged in at the bank, or else (an older session) the connection stands for the customer.
     */
    private static String seed(ConnectionContext ctx) {
        return ctx.credential(TestBankDescriptor.LOGIN)
                .or(() -> BankAuthorization.from(ctx.session().orElse(null)).map(BankAuthorization::psu))
                .orElse("connection " + ctx.connectionId());
    }

    private static DataKind kind(ConnectionContext ctx) {
        return Scenario.chosen(ctx).map(DataKind::of).orElse(DataKind.PERSONAL);
    }

    /** The customer of {@code seed} (a login) as the bank knows them at {@code now}. */
    static Customer of(String seed, DataKind kind, Instant now) {
        Identity identity = Identity.of(seed, kind);
        Branch branch = new Branch(identity);
        List<BankAccount> accounts = kind == DataKind.BUSINESS
                ? CompanyAccounts.of(branch)
                : HouseholdAccounts.of(branch);
        return new Customer(identity, accounts, LocalDate.ofInstant(now, BANK_ZONE));
    }

    /** The accounts as the bank shows them today. */
    List<Account> accountsToday() {
        return accounts.stream().map(account -> account.on(today)).toList();
    }

    Optional<BankAccount> account(String externalId) {
        return accounts.stream().filter(account -> account.externalId().equals(externalId)).findFirst();
    }
}
