package dev.passerelle.server.ingestion;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.server.connections.OpenSource;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Builds the {@code connection} and {@code connection_source} rows the data feature hangs off
 * (their real owner is the connections feature) and opens them on {@link FakeBank}.
 */
public final class BankFixtures {

    private final JdbcClient jdbc;
    private final FakeBank bank;
    private final Clock clock;

    BankFixtures(JdbcClient jdbc, FakeBank bank, Clock clock) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.clock = clock;
    }

    /** A new connection of {@code userId} on the fake bank with one source, opened. */
    public OpenSource newSource(long userId) {
        GeneratedKeyHolder connection = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO connection (id_user, id_connector, connector_uuid, created) VALUES (:u, :c, :uuid, :now)")
                .param("u", userId).param("c", FakeBank.ID).param("uuid", FakeBank.UUID_.toString())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update(connection, "id");
        long connectionId = connection.getKeyAs(Long.class);
        GeneratedKeyHolder source = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO connection_source (id_connection, id_connector_source, name, created)
                VALUES (:c, :s, 'directaccess', :now)""")
                .param("c", connectionId).param("s", FakeBank.ID)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update(source, "id");
        return open(userId, connectionId, source.getKeyAs(Long.class));
    }

    OpenSource open(long userId, long connectionId, long sourceId) {
        return new OpenSource(bank, new ConnectionContext(connectionId, "directaccess", Map.of(), Set.of(), null,
                false, clock, Map.of(), null), userId, connectionId, sourceId);
    }

    /** What the fake bank shows on that source's connection. */
    public FakeBank.Script script(OpenSource source) {
        return bank.script(source.connectionId());
    }
}
