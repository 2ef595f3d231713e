package dev.passerelle.testkit;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A connector built for the kit's own tests, each instance with one flaw or none: it throws, asks a
 * strong authentication in a data call, forgets its ids, keeps the password in its session, or
 * declares a capability it lacks.
 */
class ToyBank implements Connector {

    /** What is wrong with this bank. */
    enum Flaw {
        NONE, THROWS_ON_START, SCA_ON_TRANSACTIONS, UNSTABLE_IDS, PASSWORD_IN_SESSION, DECLARES_WEALTH
    }

    private final Flaw flaw;

    ToyBank(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        SourceDescriptor.Builder source = SourceDescriptor.builder(1, "web");
        if (flaw == Flaw.DECLARES_WEALTH) {
            source.capabilities(Capability.BANK, Capability.WEALTH);
        }
        return ConnectorDescriptor.builder(7, UUID.fromString("00000000-0000-4000-8000-000000000007"), "Toy bank")
                .spiVersion(Spi.VERSION)
                .sources(List.of(source.build()))
                .fields(List.of(FieldSpec.text("login", "Login"),
                        new FieldSpec("password", "Password", null, FieldType.PASSWORD, true, null, List.of(), List.of(),
                                Set.of())))
                .build();
    }

    @Override
    public StepResult start(ConnectionContext ctx) {
        if (flaw == Flaw.THROWS_ON_START) {
            ctx.saveSession("step=login");
            throw new IllegalStateException("the bank changed its login page");
        }
        ctx.saveSession(flaw == Flaw.PASSWORD_IN_SESSION
                ? "password=" + ctx.credential("password").orElseThrow() : "token=t-" + ctx.clock().millis());
        return StepResult.Success.of();
    }

    @Override
    public StepResult resume(ConnectionContext ctx, Resume input) {
        return StepResult.Success.of();
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        return StepResult.Success.of();
    }

    @Override
    public List<Account> accounts(ConnectionContext ctx) {
        String suffix = flaw == Flaw.UNSTABLE_IDS ? "-" + ctx.session().orElse("") + System.nanoTime() : "";
        return List.of(account("A" + suffix), account("B" + suffix));
    }

    @Override
    public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        if (flaw == Flaw.SCA_ON_TRANSACTIONS) {
            ctx.saveSession("token=rotated");
            throw Interruption.scaRequired("Confirm it is you in the bank app");
        }
        return List.of(Transaction.builder().externalId(account.externalId() + "-1").date(since.plusDays(1))
                .value(BigDecimal.TEN).type(TransactionType.TRANSFER).originalWording("SALARY").build());
    }

    private static Account account(String id) {
        return Account.builder().externalId(id).name("Account " + id).type(AccountType.CHECKING)
                .balance(BigDecimal.ONE).currency("EUR").build();
    }
}
