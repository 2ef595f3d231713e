package dev.passerelle.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a reverse proxy on the loopback ({@code passerelle.http.trusted-proxies}): the client that
 * the proxy names is the one rate limits key on. The same headers from an untrusted peer are
 * ignored: {@code AbuseLimitsTest} runs without trusted proxies.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "passerelle.http.trusted-proxies=127.0.0.1/32, ::1",
        "passerelle.limits.auth-per-minute=2"})
class TrustedProxyTest {

    @Autowired
    TestApi api;

    @Test
    void eachForwardedClientHasItsOwnRateLimitBucket() {
        assertThat(authInit("X-Forwarded-For", "198.51.100.1")).isEqualTo(200);
        assertThat(authInit("X-Forwarded-For", "198.51.100.1")).isEqualTo(200);

        assertThat(authInit("X-Forwarded-For", "198.51.100.1")).isEqualTo(429);
        assertThat(authInit("X-Forwarded-For", "198.51.100.2")).isEqualTo(200);
    }

    @Test
    void theStandardForwardedHeaderNamesTheClientToo() {
        String client = "for=\"[2001:db8::7]:4711\";proto=https";
        assertThat(authInit("Forwarded", client)).isEqualTo(200);
        assertThat(authInit("Forwarded", client)).isEqualTo(200);

        assertThat(authInit("Forwarded", client)).isEqualTo(429);
        assertThat(authInit("Forwarded", "for=2001:db8::8")).isEqualTo(200);
    }

    @Test
    void theClientIsTheNearestHopThatIsNoTrustedProxy() {
        // 203.0.113.5 is what a client could write itself; the trusted proxy appended the real one.
        assertThat(authInit("X-Forwarded-For", "203.0.113.5, 198.51.100.20, 127.0.0.1")).isEqualTo(200);
        assertThat(authInit("X-Forwarded-For", "203.0.113.6, 198.51.100.20")).isEqualTo(200);

        assertThat(authInit("X-Forwarded-For", "203.0.113.7, 198.51.100.20")).isEqualTo(429);
    }

    @Test
    void aHopThatIsNoAddressLeavesTheProxyAsTheClient() {
        assertThat(authInit("X-Forwarded-For", "198.51.100.30, evil.example")).isEqualTo(200);
        assertThat(authInit("X-Forwarded-For", "198.51.100.31, unknown")).isEqualTo(200);

        assertThat(authInit("X-Forwarded-For", "198.51.100.32, _hidden")).as("all three are the proxy itself")
                .isEqualTo(429);
    }

    private int authInit(String header, String value) {
        TestApi.Response response = api.post("/auth/init").header(header, value).send();
        return response.status();
    }
}
