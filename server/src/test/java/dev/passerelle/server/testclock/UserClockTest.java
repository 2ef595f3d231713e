package dev.passerelle.server.testclock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.support.WireTime;
import dev.passerelle.server.sync.BackgroundSyncSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's per-user test clock (issue 5): {@code POST /users/{id|me}/test/clock} moves one
 * user's time ahead of the server's, and every expiry and schedule about that user follows it,
 * while the other users stay on the server's time.
 */
@IntegrationTest
@TestPropertySource(properties = "passerelle.sandbox.enabled=true")
@Import(BackgroundSyncSteps.class)
class UserClockTest {

    private static final Duration PAST_TEMPORARY_TOKENS = Duration.ofMinutes(31);
    private static final Duration PAST_THE_OTP = Duration.ofMinutes(6);
    private static final Duration PAST_THE_CONSENT = Duration.ofDays(181);
    private static final Duration PAST_THE_DAILY_SYNC = Duration.ofDays(1).plusMinutes(1);

    @Autowired
    private TestApi api;
    @Autowired
    private TestUsers users;
    @Autowired
    private BackgroundSyncSteps background;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataDirectory dataDirectory;
    @Autowired
    private MutableClock clock;

    private TestUser alice;
    private TestUser bob;

    @BeforeEach
    void twoUsers() {
        alice = users.permanent();
        bob = users.permanent();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void whenAUserMovesTheirClockPastHalfAnHourThenTheirTemporaryTokenAndCodeExpireButNotAnotherUsers() {
        String aliceTemporary = users.token(alice, TokenKind.TEMPORARY);
        String aliceCode = users.token(alice, TokenKind.CODE);
        String bobTemporary = users.token(bob, TokenKind.TEMPORARY);
        String bobCode = users.token(bob, TokenKind.CODE);

        assertThat(advance(alice.token(), "me", PAST_TEMPORARY_TOKENS).status()).isEqualTo(200);

        assertThat(me(aliceTemporary).status()).isEqualTo(401);
        assertThat(me(aliceCode).status()).isEqualTo(401);
        assertThat(me(alice.token()).status()).isEqualTo(200);
        assertThat(me(bobTemporary).status()).isEqualTo(200);
        assertThat(me(bobCode).status()).isEqualTo(200);
    }

    @Test
    void whenTheConfigTokenMovesAUsersClockThenTheUserSeesTheirTimeThatFarAheadOfTheServers() {
        Instant server = now(clockOf(configToken(), "test/clock"));

        TestApi.Response moved = advance(configToken(), String.valueOf(alice.id()), Duration.ofDays(1));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("offset").asString()).isEqualTo("PT24H");
        JsonNode seen = clockOf(alice.token(), "users/me/test/clock");
        assertThat(Duration.between(server, now(seen))).isBetween(Duration.ofDays(1), Duration.ofDays(1).plusMinutes(5));
        assertThat(clockOf(bob.token(), "users/me/test/clock").get("offset").asString()).isEqualTo("PT0S");
    }

    @Test
    void whenTheServerClockMovesThenAUsersTimeMovesWithItOnTopOfTheirOwnOffset() {
        advance(alice.token(), "me", Duration.ofHours(1));
        Instant before = now(clockOf(alice.token(), "users/me/test/clock"));

        clock.advance(Duration.ofDays(2));

        assertThat(Duration.between(before, now(clockOf(alice.token(), "users/me/test/clock"))))
                .isBetween(Duration.ofDays(2), Duration.ofDays(2).plusMinutes(5));
    }

    @Test
    void whenAUsersClockIsPastTheConsentThenTheBackgroundSyncAsksForScaWhileAnotherUsersIdenticalConnectionSyncs() {
        long aliceConnection = added(alice, "par");
        long bobConnection = added(bob, "par");

        advance(alice.token(), "me", PAST_THE_CONSENT);
        background.sync(aliceConnection);
        background.sync(bobConnection);

        JsonNode aliceSees = connection(alice, aliceConnection);
        assertThat(aliceSees.get("state").asString()).isEqualTo("SCARequired");
        assertThat(logs(alice, aliceConnection).get(0).get("cause").asString()).startsWith("consentExpired");
        assertThat(connection(bob, bobConnection).get("state").isNull()).isTrue();
    }

    @Test
    void whenAUsersClockMovedADayThenTheirConnectionIsDueAndAnotherUsersIsNot() {
        long aliceConnection = added(alice, "par");
        long bobConnection = added(bob, "par");
        assertThat(background.isDue(aliceConnection)).isFalse();

        advance(alice.token(), "me", PAST_THE_DAILY_SYNC);

        assertThat(background.isDue(aliceConnection)).isTrue();
        assertThat(background.isDue(bobConnection)).isFalse();
    }

    @Test
    void whenAUsersClockMovedPastTheOtpExpiryThenTheirAnswerIsTooLateWhileAnotherUsersIsAccepted() {
        long aliceConnection = pending(alice, "additionalInformationNeeded");
        long bobConnection = pending(bob, "additionalInformationNeeded");

        advance(alice.token(), "me", PAST_THE_OTP);
        TestApi.Response aliceAnswers = answer(alice, aliceConnection, "abcd");
        TestApi.Response bobAnswers = answer(bob, bobConnection, "abcd");

        assertThat(aliceAnswers.status()).isEqualTo(202);
        assertThat(aliceAnswers.json().get("state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(aliceAnswers.json().get("error_message").asString()).contains("The code has expired");
        assertThat(bobAnswers.status()).isEqualTo(200);
        assertThat(bobAnswers.json().get("state").isNull()).isTrue();
    }

    @Test
    void whenAUsersClockIsAheadThenTheirBackgroundAnswerRunsAtOnceAndInTheirTime() {
        long aliceConnection = pending(alice, "additionalInformationNeeded");
        advance(alice.token(), "me", PAST_THE_OTP);

        TestApi.Response queued = api.post("/users/me/connections/" + aliceConnection + "?background=true")
                .bearer(alice.token()).json(Map.of("openapisms", "abcd")).send();

        assertThat(queued.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"validating".equals(connection(alice, aliceConnection).get("state").asString(null)));
        JsonNode settled = connection(alice, aliceConnection);
        assertThat(settled.get("state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(settled.get("error_message").asString()).contains("The code has expired");
    }

    @Test
    void whenAnotherUsersTokenMovesAUsersClockThenForbiddenAndTheClockStays() {
        TestApi.Response moved = advance(bob.token(), String.valueOf(alice.id()), Duration.ofDays(1));

        assertThat(moved.status()).isEqualTo(403);
        assertThat(clockOf(alice.token(), "users/me/test/clock").get("offset").asString()).isEqualTo("PT0S");
    }

    @Test
    void whenAUserClockIsMovedBackThenInvalidValue() {
        TestApi.Response moved = api.post("/users/me/test/clock").bearer(alice.token())
                .json(Map.of("advance", "-PT1H")).send();

        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void whenAUserClockWouldPassACenturyAheadThenInvalidValueAndTheClockStays() {
        advance(alice.token(), "me", Duration.ofDays(36_000));

        TestApi.Response beyond = api.post("/users/me/test/clock").bearer(alice.token())
                .json(Map.of("advance", "P999999999D")).send();

        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(api.get("/users/me/test/clock").bearer(alice.token()).send().json().get("offset").asString())
                .isEqualTo("PT864000H");
    }

    @Test
    void whenAUserIsDeletedThenTheirOffsetIsGone() {
        advance(alice.token(), "me", Duration.ofDays(1));
        assertThat(storedOffsets(alice)).isEqualTo(1);

        assertThat(api.delete("/users/me").bearer(alice.token()).send().status()).isEqualTo(204);

        assertThat(storedOffsets(alice)).isZero();
    }

    private TestApi.Response advance(String token, String user, Duration by) {
        return api.post("/users/" + user + "/test/clock").bearer(token).json(Map.of("advance", by.toString())).send();
    }

    private JsonNode clockOf(String token, String path) {
        return api.get("/" + path).bearer(token).send().json();
    }

    private static Instant now(JsonNode clock) {
        return WireTime.instant(clock.get("now"));
    }

    private TestApi.Response me(String token) {
        return api.get("/users/me").bearer(token).send();
    }

    private String configToken() {
        return AuthSteps.configToken(dataDirectory);
    }

    private TestApi.Response add(TestUser user, String scenario) {
        return api.post("/users/me/connections").bearer(user.token()).json(TestConnector.fields(scenario).map()).send();
    }

    private long added(TestUser user, String scenario) {
        TestApi.Response response = add(user, scenario);
        assertThat(response.status()).as("adding %s: %s", scenario, response).isEqualTo(200);
        return response.json().get("id").asLong();
    }

    private long pending(TestUser user, String scenario) {
        TestApi.Response response = add(user, scenario);
        assertThat(response.status()).as("adding %s: %s", scenario, response).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    private TestApi.Response answer(TestUser user, long connection, String code) {
        return api.post("/users/me/connections/" + connection).bearer(user.token()).json(Map.of("openapisms", code)).send();
    }

    private JsonNode connection(TestUser user, long id) {
        return api.get("/users/me/connections/" + id).bearer(user.token()).send().json();
    }

    private JsonNode logs(TestUser user, long id) {
        return api.get("/users/me/connections/" + id + "/logs").bearer(user.token()).send().json().get("connectionlogs");
    }

    private long storedOffsets(TestUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_user_clock WHERE id_user = :user").param("user", user.id())
                .query(Long.class).single();
    }
}
