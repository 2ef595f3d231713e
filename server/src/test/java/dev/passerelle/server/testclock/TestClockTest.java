package dev.passerelle.server.testclock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox test clock (issue 5): {@code GET|POST /test/clock} moves the server's clock, and
 * with it the background scheduler, which runs for real here.
 */
@IntegrationTest
@TestPropertySource(properties = {"passerelle.sandbox.enabled=true", "passerelle.sync.poll-interval=1m"})
class TestClockTest {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    private TestApi api;
    @Autowired
    private TestUsers users;
    @Autowired
    private DataDirectory dataDirectory;
    @Autowired
    private MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void advancingMovesTheServerClockForward() {
        LocalDateTime before = now();

        TestApi.Response moved = advance("P1D");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(Duration.between(before, now())).isGreaterThanOrEqualTo(Duration.ofDays(1));
    }

    @Test
    void theClockNeverMovesBack() {
        TestApi.Response moved = advance("-PT1H");

        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void theClockMovesAtMostACenturyAhead() {
        TestApi.Response beyond = advance("P36501D");

        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("description").asString()).contains("36500 days");
        assertThat(clock.offset()).isZero();
    }

    @Test
    void aDurationThatIsNotIsoIsRejected() {
        assertThat(advance("1 day").status()).isEqualTo(400);
    }

    @Test
    void onlyTheConfigTokenMovesTheClock() {
        TestApi.Response moved = api.post("/test/clock").bearer(users.permanent().token())
                .json(Map.of("advance", "P1D")).send();

        assertThat(moved.status()).isEqualTo(403);
    }

    @Test
    void aConnectionGoesFromOkToScaRequiredADayLaterThroughTheSchedulerAndBackWhenTheUserSyncs() {
        String token = users.permanent().token();
        long id = api.post("/users/me/connections").bearer(token).json(TestConnector.fields("SCARequired").with("login", "clock").map()).send().json().get("id").asLong();

        advance("P1D");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "SCARequired".equals(connection(token, id).get("state").asString(null)));
        JsonNode logs = api.get("/users/me/connections/" + id + "/logs").bearer(token).send().json().get("connectionlogs");
        assertThat(logs.get(0).get("actor").asString()).isEqualTo("scheduler");
        TestApi.Response forced = api.post("/users/me/connections/" + id).bearer(token).json(Map.of()).send();
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.json().get("state").isNull()).isTrue();
    }

    private JsonNode connection(String token, long id) {
        return api.get("/users/me/connections/" + id).bearer(token).send().json();
    }

    private TestApi.Response advance(String by) {
        return api.post("/test/clock").bearer(AuthSteps.configToken(dataDirectory)).json(Map.of("advance", by)).send();
    }

    private LocalDateTime now() {
        JsonNode clock = api.get("/test/clock").bearer(AuthSteps.configToken(dataDirectory)).send().json();
        return LocalDateTime.parse(clock.get("now").asString(), WIRE);
    }
}
