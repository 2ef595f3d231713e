package dev.passerelle.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.support.HostileServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SDK against an API root that answers what no Powens server would: over real HTTP, from a
 * scripted server. Whatever it sends, a call ends in a {@link PasserelleException} within the
 * client's limits. {@code @Timeout} only guards against a hang.
 */
@Timeout(60)
class HostileServerTest {

    private HostileServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private Passerelle client(HostileServer.Script script) {
        server = new HostileServer(script);
        return Passerelle.builder(server.api()).token("the-bearer").retry(RetryPolicy.none())
                .timeout(Duration.ofSeconds(1)).maxBodySize(1 << 20).build();
    }

    @Test
    void aBodyWithNoEndIsCutAtTheSizeLimit() {
        Passerelle api = client(exchange -> HostileServer.endless(exchange, 200));

        assertThatThrownBy(() -> api.accountType(2)).isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void anErrorBodyWithNoEndBeforeAStreamIsCutAtTheSizeLimit() {
        Passerelle api = client(exchange -> HostileServer.endless(exchange, 500));

        assertThatThrownBy(() -> api.webhooks().listen(1, "http://localhost:3000", List.of(), "hmac"))
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void aBodyThatStallsAfterItsHeadersTimesOut() {
        Passerelle api = client(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"id\": ".getBytes());
            exchange.getResponseBody().flush();
            server.never().await();
        });

        assertThatThrownBy(() -> api.accountType(2)).isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("no whole answer within PT1S");
    }
}
