package dev.passerelle.server.ingestion;

import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.connections.SourceSessions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Builds the {@code connection} and {@code connection_source} rows the data feature hangs off
 * (their real owner is the connections feature) and opens them on {@link FakeBank}, as the server does.
 */
public final class BankFixtures {

    private final JdbcClient jdbc;
    private final FakeBank bank;
    private final SourceSessions sessions;
    private final DataIngestion ingestion;
    private final Clock clock;

    BankFixtures(JdbcClient jdbc, FakeBank bank, SourceSessions sessions, DataIngestion ingestion, Clock clock) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.sessions = sessions;
        this.ingestion = ingestion;
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
        return sessions.open(source.getKeyAs(Long.class));
    }

    /** Pulls what the fake bank shows, as after a successful sync of the source. */
    public void sync(OpenSource source) {
        ingestion.ingest(source);
    }

    /** The ids of the source's accounts (consented or not), in creation order. */
    public List<Long> accountIds(OpenSource source) {
        return jdbc.sql("SELECT id FROM bank_account WHERE id_source = :s ORDER BY id").param("s", source.sourceId())
                .query(Long.class).list();
    }

    /** The ids of the source's subscriptions, in creation order. */
    public List<Long> subscriptionIds(OpenSource source) {
        return jdbc.sql("SELECT id FROM subscription WHERE id_source = :s ORDER BY id").param("s", source.sourceId())
                .query(Long.class).list();
    }

    /** What the fake bank shows on that source's connection. */
    public FakeBank.Script script(OpenSource source) {
        return bank.script(source.connectionId());
    }
}
