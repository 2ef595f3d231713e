package dev.passerelle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.support.HostileServer;
import dev.passerelle.client.flow.ConnectionFlow;
import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** A page of one transaction whose next link is {@code next}. */
    private static String page(String next) {
        return "{\"transactions\": [{\"id\": 1, \"id_account\": 1}], \"total\": 9,"
                + " \"_links\": {\"next\": {\"href\": \"" + next + "\"}}}";
    }

    @Test
    void aNextLinkToAnotherHostDoesNotCarryTheToken() {
        try (HostileServer other = new HostileServer(exchange -> HostileServer.send(exchange, 200, page("/x")))) {
            Passerelle api = client(exchange -> HostileServer.send(exchange, 200,
                    page(other.origin().replace("127.0.0.1", "localhost") + "/2.0/users/me/transactions?offset=1")));

            assertThatThrownBy(() -> api.me().transactions().stream(TransactionQuery.create()).count())
                    .isInstanceOf(ApiConnectionException.class).hasMessageContaining("off the API root's origin");
            assertThat(other.authorizations()).isEmpty();
        }
    }

    @Test
    void aNextLinkToAnotherSchemeIsNotFollowed() {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200,
                page(server.origin().replace("http:", "https:") + "/2.0/users/me/transactions?offset=1")));

        assertThatThrownBy(() -> api.me().transactions().stream(TransactionQuery.create()).count())
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("off the API root's origin");
    }

    @Test
    void aNextLinkBackToAPageAlreadyFetchedEndsPaging() {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, page("/users/me/transactions?offset=1")));

        assertThatThrownBy(() -> api.me().transactions().stream(TransactionQuery.create()).count())
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("already sent");
        assertThat(server.authorizations()).hasSize(2);
    }

    @Test
    void anUnreadableNextLinkIsAnApiConnectionException() {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, page("/users/me/transactions?a b")));

        assertThatThrownBy(() -> api.me().transactions().stream(TransactionQuery.create()).count())
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("unreadable href");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void anEmptyAnswerWhereAModelIsExpectedIsAnApiConnectionException(String body) {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, body));

        assertThatThrownBy(() -> api.me().connections().get(1)).isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void aListItemOfTheWrongTypeIsAnApiConnectionException() {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, "{\"accounttypes\": [{\"id\": \"two\"}]}"));

        assertThatThrownBy(api::accountTypes).isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("Unreadable answer of GET /account_types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"total\": 9, \"_links\": {\"next\": {\"href\": \"/x\"}}}", "{\"transactions\": null}"})
    void aTransactionsPageWithoutItsListIsAnApiConnectionException(String body) {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, body));

        assertThatThrownBy(() -> api.me().transactions().stream(TransactionQuery.create()).count())
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("transactions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"total\": 1}", "{\"accounts\": null}"})
    void anAccountListWithoutItsListIsAnApiConnectionException(String body) {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, body));

        assertThatThrownBy(() -> api.me().accounts().list(true)).isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("accounts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"url\": \"not a url\"}"})
    void aWebauthUrlAnswerWithoutAReadableUrlIsAnApiConnectionException(String body) {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, body));

        assertThatThrownBy(() -> api.me().connections().webauthUrl(WebauthUrlRequest.reconnect(1, "https://app/cb", 1)))
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("no readable url");
    }

    @Test
    void aPublicKeyThatIsNotRsaIsAnApiConnectionException() {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, "{\"kty\": \"EC\", \"crv\": \"P-256\","
                + " \"x\": \"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\", \"y\": \"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}"));

        assertThatThrownBy(() -> api.me().connections().create(UUID.randomUUID(), Map.of("password", "1234")))
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("is EC, not RSA");
    }

    @Test
    void aWebhookStreamEventThatCannotBeReadIsAnApiConnectionException() {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, "event: ready\ndata: {not json\n\n"));

        assertThatThrownBy(() -> api.webhooks().listen(1, "http://localhost:3000", List.of(), "hmac"))
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("Unreadable 'ready' event");
    }

    @Test
    void aWebhookStreamLineWithNoEndIsCutAtTheSizeLimit() {
        Passerelle api = client(exchange -> HostileServer.endless(exchange, 200));

        assertThatThrownBy(() -> api.webhooks().listen(1, "http://localhost:3000", List.of(), "hmac"))
                .isInstanceOf(ApiConnectionException.class).hasMessageContaining("longer than 1048576 characters");
    }

    @Test
    void aConnectionValidatingForEverIsReturnedAfterTheValidatingTimeout() throws InterruptedException {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200, "{\"id\": 1, \"state\": \"validating\"}"));
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };

        Connection connection = ConnectionFlow.with(api.me().connections()).clock(clock)
                .sleeper(wait -> now[0] = now[0].plus(wait)).resume(1);

        assertThat(connection.state()).isEqualTo(ConnectionState.VALIDATING);
        assertThat(now[0]).isEqualTo(start.plus(Duration.ofMinutes(10)));
    }

    @Test
    void anErrorsDescriptionReachesTheMessageOnOneLineAndCut() {
        String forged = "refused\r\n2026-12-07 12:00:00 INFO payment accepted\u2028";
        Passerelle api = client(exchange -> HostileServer.send(exchange, 400, "{\"code\": \"invalidValue\", \"description\": \""
                + forged.replace("\r", "\\r").replace("\n", "\\n") + "x".repeat(100_000) + "\"}"));

        assertThatThrownBy(() -> api.accountType(2)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u2028")
                    .contains("refused\\u000d\\u000a2026-12-07 12:00:00 INFO payment accepted\\u2028")
                    .hasSizeLessThan(PasserelleException.MAX_MESSAGE + 100);
            assertThat(e.description()).startsWith(forged);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e99999999", "1e-99999999"})
    void anAmountOfAHundredMillionDigitsIsAnApiConnectionException(String value) {
        Passerelle api = client(exchange -> HostileServer.send(exchange, 200,
                "{\"id\": 1, \"id_account\": 1, \"value\": " + value + "}"));

        assertThatThrownBy(() -> api.me().transactions().get(1)).isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("more than 64 digits");
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
