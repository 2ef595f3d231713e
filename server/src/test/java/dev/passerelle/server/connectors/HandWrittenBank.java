package dev.passerelle.server.connectors;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the hand-written test connectors share: one {@code directaccess} source with a {@code login}
 * field, and no data (their tests are about steps, not about what a sync fetches).
 */
abstract class HandWrittenBank implements Connector {

    private final ConnectorDescriptor descriptor;

    HandWrittenBank(int id, UUID uuid, String name) {
        this.descriptor = new ConnectorDescriptor(id, uuid, name, null, null, null, false, List.of("bank"),
                List.of("checking"), List.of("PRIV"), List.of("fr"), 6, 1,
                List.of(new SourceDescriptor(id, "directaccess", 0, AuthMechanism.CREDENTIALS,
                        Set.of(AuthMechanism.CREDENTIALS), List.of("bank"), List.of("PRIV"))),
                List.of(FieldSpec.text("login", "Login")));
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Account> accounts(ConnectionContext ctx) {
        return Stream.empty();
    }

    @Override
    public Stream<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        return Stream.empty();
    }
}
