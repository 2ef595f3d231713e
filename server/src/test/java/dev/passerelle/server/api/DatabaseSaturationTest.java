package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A burst that keeps every database connection taken longer than the pool waits (the bench's 2,000
 * concurrent adds did) is the server being busy, not broken: 503 with {@code Retry-After}, never a 500.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=250"})
class DatabaseSaturationTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    DataSource dataSource;

    @Test
    void whenNoDatabaseConnectionComesFreeThenServiceUnavailableWithRetryAfterAndTheNextCallWorks() throws Exception {
        TestUser user = users.permanent();

        TestApi.Response busy;
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                taken.add(dataSource.getConnection());
            }
            busy = api.get("/users/me/accounts").bearer(user.token()).send();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(busy.status()).as("%s", busy).isEqualTo(503);
        assertThat(busy.json().get("code").asString()).isEqualTo("serviceUnavailable");
        assertThat(busy.json().get("request_id").asString()).isNotBlank();
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(api.get("/users/me/accounts").bearer(user.token()).send().status()).isEqualTo(200);
    }
}
