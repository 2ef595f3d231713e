package dev.passerelle.client;

import static dev.passerelle.client.support.PasserelleServer.TEST_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.passerelle.client.support.Integrators;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries of 429 and 503: against the real server's per-token limit on connection creates (20 a
 * minute), and against a scripted server for what the real one does not send (503, HTTP dates).
 */
class RetryTest {

    private final List<Duration> slept = new ArrayList<>();
    private HttpServer scripted;

    @AfterEach
    void stop() {
        if (scripted != null) {
            scripted.stop(0);
        }
    }

    @Test
    void creationsPastTheServersRateLimitWaitItsRetryAfterAndAllSucceed() {
        Integrators integrators = new Integrators();
        String token = integrators.newUser().auth().code(false).code(); // a code acts as the user's bearer too
        Passerelle user = Passerelle.builder(integrators.server().api()).token(token)
                .retry(RetryPolicy.defaults().withMaxRetries(5).withSleeper(duration -> {
                    slept.add(duration);
                    Thread.sleep(duration);
                })).build();

        // The bucket holds 20 and refills one every 3 s: creations faster than that reach the limit
        // after a little more than 20; the bound only keeps a very slow machine from looping on.
        int created = 0;
        while (slept.isEmpty() && created < 80) {
            user.me().connections().create(TEST_CONNECTOR, Map.of("login", "jdupont", "password", "1234"));
            created++;
        }
        user.me().connections().create(TEST_CONNECTOR, Map.of("login", "jdupont", "password", "1234"));

        assertThat(slept).as("the server's 429 was waited out").isNotEmpty()
                .allSatisfy(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(created).isGreaterThan(20);
        assertThat(user.me().connections().list()).hasSize(created + 1);
    }

    @Test
    void unavailableIsRetriedAfterTheDateTheServerNamed() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        Passerelle api = scripted(List.of(answer(503, inTwoSeconds), answer(200, null)));

        assertThat(api.accountType(2).name()).isEqualTo("checking");
        assertThat(slept).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(3)));
    }

    @Test
    void withoutRetryAfterTheWaitsBackOff() {
        Passerelle api = scripted(List.of(answer(503, null), answer(429, null), answer(503, null), answer(200, null)));

        api.accountType(2);

        assertThat(slept).hasSize(3);
        assertThat(slept.get(2)).isLessThanOrEqualTo(Duration.ofSeconds(2)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givingUpThrowsTheLastError() {
        Passerelle api = scripted(List.of(answer(503, "1"), answer(503, "1"), answer(503, "1"), answer(503, "1")));

        assertThatThrownBy(() -> api.accountType(2))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(slept).hasSize(3);
    }

    @Test
    void waitLongerThanAllowedIsNotWaitedButReported() {
        Passerelle api = scripted(List.of(answer(429, "3600"), answer(200, null)));

        assertThatThrownBy(() -> api.accountType(2)).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(slept).isEmpty();
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        Passerelle api = scripted(List.of(answer(400, null), answer(200, null)));

        assertThatThrownBy(() -> api.accountType(2)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.code()).isEqualTo("invalidValue");
            calls.incrementAndGet();
        });
        assertThat(slept).isEmpty();
        assertThat(calls).hasValue(1);
    }

    private record Answer(int status, String retryAfter) {
    }

    private static Answer answer(int status, String retryAfter) {
        return new Answer(status, retryAfter);
    }

    /** A server that plays the answers in order: errors in the protocol's envelope, then an account type. */
    private Passerelle scripted(List<Answer> answers) {
        Deque<Answer> script = new ArrayDeque<>(answers);
        try {
            scripted = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        scripted.createContext("/", exchange -> {
            Answer next = script.poll();
            String body = next.status() == 200
                    ? "{\"id\": 2, \"name\": \"checking\", \"id_parent\": null, \"unexpected\": [1]}"
                    : "{\"code\": \"" + (next.status() == 400 ? "invalidValue" : "tooManyRequests")
                    + "\", \"description\": \"scripted\", \"message\": null, \"request_id\": \"r-1\"}";
            if (next.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", next.retryAfter());
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(next.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        scripted.start();
        return Passerelle.builder("http://127.0.0.1:" + scripted.getAddress().getPort() + "/2.0")
                .retry(RetryPolicy.defaults().withSleeper(slept::add)).build();
    }
}
