package dev.passerelle.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Rate limits and body size limits over real HTTP, answered in the protocol's envelope. */
@IntegrationTest
@TestPropertySource(properties = {
        "passerelle.limits.auth-per-minute=3",
        "passerelle.limits.connection-creates-per-minute=2",
        "passerelle.limits.connection-creates-per-address-per-minute=4",
        "passerelle.limits.max-body-bytes=2048"})
class AbuseLimitsTest {

    static final Map<String, String> PAR = TestConnector.fields("par").with("login", "l").map();

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    MutableClock clock;

    /** Every bucket refills within a minute; this context's clock only moves forward. */
    @BeforeEach
    void freshBuckets() {
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void authEndpointsAreLimitedPerAddressWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/auth/init").send().status()).isEqualTo(200);
        }

        TestApi.Response limited = api.post("/auth/init").send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("tooManyRequests");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    }

    /** The path as routed, not as written: {@code ;parameters} and escapes reach the same endpoint. */
    @ParameterizedTest
    @ValueSource(strings = {"/auth;x/init", "/%61uth/init", "/auth/%69nit"})
    void everySpellingOfAnAuthPathCountsAgainstItsLimit(String spelled) {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(spelled).send().status()).isEqualTo(200);
        }

        assertThat(api.post("/auth/init").send().status()).isEqualTo(429);
    }

    @Test
    void aConnectionCreatedUnderAnotherSpellingOfItsPathCountsToo() {
        String greedy = users.permanent().token();
        assertThat(api.post("/users/me/connections;x").bearer(greedy).json(PAR).send().status()).isEqualTo(200);
        assertThat(api.post("/users/me/%63onnections").bearer(greedy).json(PAR).send().status()).isEqualTo(200);

        assertThat(api.post("/users/me/connections").bearer(greedy).json(PAR).send().status()).isEqualTo(429);
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerDoNotPickAnotherBucket() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/auth/init").header("X-Forwarded-For", "198.51.100." + i).send().status()).isEqualTo(200);
        }

        TestApi.Response spoofed = api.post("/auth/init").header("X-Forwarded-For", "198.51.100.99")
                .header("Forwarded", "for=198.51.100.98").send();

        assertThat(spoofed.status()).isEqualTo(429);
    }

    @Test
    void connectionCreationIsLimitedPerTokenWithoutStarvingOtherTokens() {
        String greedy = users.permanent().token();
        String other = users.permanent().token();
        create(greedy);
        create(greedy);

        TestApi.Response limited = api.post("/users/me/connections").bearer(greedy).json(PAR).send();
        TestApi.Response otherToken = api.post("/users/me/connections").bearer(other).json(PAR).send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(otherToken.status()).isEqualTo(200);
    }

    @Test
    void connectionCreationIsLimitedPerAddressAcrossTokens() {
        for (int i = 0; i < 4; i++) {
            create(users.permanent().token());
        }

        TestApi.Response limited = api.post("/users/me/connections").bearer(users.permanent().token()).json(PAR).send();

        assertThat(limited.status()).isEqualTo(429);
    }

    @Test
    void aBucketRefillsAfterItsMinute() {
        String token = users.permanent().token();
        create(token);
        create(token);

        clock.advance(Duration.ofMinutes(1));

        assertThat(api.post("/users/me/connections").bearer(token).json(PAR).send().status()).isEqualTo(200);
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndNothingIsStored() {
        String token = users.permanent().token();

        TestApi.Response response = api.post("/users/me/connections").bearer(token)
                .raw("application/json", "{\"connector_uuid\":\"" + "x".repeat(4096) + "\"}").send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("payloadTooLarge");
        assertThat(api.get("/users/me/connections").bearer(token).send().json().get("total").asInt()).isZero();
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        TestApi.Response response = api.post("/users/me/connections").bearer(users.permanent().token())
                .raw("application/json", "{\"connector_uuid\": ").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().has("code")).isTrue();
    }

    private void create(String token) {
        TestApi.Response response = api.post("/users/me/connections").bearer(token).json(PAR).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }
}
