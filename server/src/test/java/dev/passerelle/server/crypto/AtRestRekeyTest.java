package dev.passerelle.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.passerelle.runtime.host.SealedColumn;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestDatabase;
import dev.passerelle.server.support.TestUsers;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

@IntegrationTest
class AtRestRekeyTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    AtRestCipher contextCipher;
    @Autowired
    List<SealedColumn> columns;
    @TempDir
    Path unusedDataDir;

    /** The test keys with k2 active: what an operator configures before running {@code rekey}. */
    private AtRestCipher rotatedToK2() {
        return new AtRestCipher(new AtRestCipher.AtRestKeys(
                Map.of("k1", TestDatabase.AT_REST_K1, "k2", TestDatabase.AT_REST_K2), "k2"),
                new DataDirectory(unusedDataDir));
    }

    private long connectionWithCredentials(String sealed) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO connection (id_user, id_connector, connector_uuid, created, credentials)
                VALUES (:user, :connector, :uuid, :now, :sealed)""")
                .param("connector", TestConnector.ID).param("uuid", TestConnector.UUID)
                .param("user", users.permanent().id()).param("now", OffsetDateTime.now()).param("sealed", sealed)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    @Test
    void rekeyRewritesCredentialsUnderTheActiveKeyAndKeepsTheirCleartext() {
        long id = connectionWithCredentials(contextCipher.encrypt("{\"password\":\"1234\"}", "connection.credentials"));
        AtRestCipher rotated = rotatedToK2();

        new AtRestRekey(jdbc, rotated, columns).rekey();

        String after = jdbc.sql("SELECT credentials FROM connection WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(after).startsWith("v1.k2.");
        assertThat(rotated.decrypt(after, "connection.credentials")).isEqualTo("{\"password\":\"1234\"}");
    }

    @Test
    void aSecondRunFindsNothingLeftToRewrite() {
        connectionWithCredentials(contextCipher.encrypt("{}", "connection.credentials"));
        AtRestRekey rekey = new AtRestRekey(jdbc, rotatedToK2(), columns);
        rekey.rekey();

        assertThat(rekey.rekey().values()).containsOnly(0);
    }

    @Test
    void bothConnectionColumnsAreDeclaredForRotation() {
        assertThat(columns).extracting(SealedColumn::table, SealedColumn::column)
                .contains(tuple("connection", "credentials"), tuple("connection_source", "session"));
    }

    /** Outside sandbox mode too (this context's): journeys sealed while it was on must move to a new key all the same. */
    @Test
    void theSandboxBanksJourneysAreDeclaredForRotationByItsModule() {
        assertThat(columns).extracting(SealedColumn::table, SealedColumn::column, SealedColumn::purpose)
                .contains(tuple("sandbox_bank_authorization", "journey", "sandbox_bank_authorization.journey"));
    }
}
