package dev.passerelle.server.connectors;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the hand-written test connectors share: a {@code directaccess} source with a {@code login}
 * field, steps that succeed at once unless a bank scripts them, and no data (their tests are about
 * steps, not about what a sync fetches).
 */
abstract class HandWrittenBank implements Connector {

    static final String DIRECT_ACCESS = "directaccess";

    private final ConnectorDescriptor descriptor;

    HandWrittenBank(int id, UUID uuid, String name, SourceDescriptor... moreSources) {
        List<SourceDescriptor> sources = new ArrayList<>();
        sources.add(SourceDescriptor.builder(id, DIRECT_ACCESS).priority(0).accountUsages(AccountUsage.PRIVATE).build());
        sources.addAll(List.of(moreSources));
        this.descriptor = ConnectorDescriptor.builder(id, uuid, name)
                .spiVersion(Spi.VERSION)
                .accountTypes(AccountType.CHECKING)
                .countries("fr")
                .sources(sources)
                .fields(List.of(new FieldSpec("login", "Login", "Login", FieldType.TEXT, true, null, List.of(),
                        List.of(DIRECT_ACCESS), Set.of())))
                .build();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public StepResult start(ConnectionContext ctx) {
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
        return List.of();
    }

    @Override
    public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        return List.of();
    }
}
