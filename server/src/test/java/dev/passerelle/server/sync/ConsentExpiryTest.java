package dev.passerelle.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.WireTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A source's consent lasts 180 days after the user's last strong authentication (docs/protocol.md §3.6
 * {@code access_expire}, §12): then the background sync asks the user to authenticate again
 * instead of reaching the institution.
 */
@SandboxMode
class ConsentExpiryTest extends FlakyBankSyncTest {

    static final Duration VALIDITY = Duration.ofDays(180);
    static final Duration PAST_THE_CONSENT = Duration.ofDays(181);

    @Test
    void whenAConnectionIsAddedThenItsSourceIsConsentedFor180Days() {
        Instant before = clock.instant();
        long id = addedOnFlakyBank();

        assertThat(WireTime.instant(source(id).get("access_expire")))
                .isBetween(before.plus(VALIDITY).minusSeconds(1), clock.instant().plus(VALIDITY));
    }

    @Test
    void whenTheConsentEndedThenTheNextBackgroundSyncAsksForScaWithoutCallingTheBank() {
        long id = addedOnFlakyBank();
        clock.advance(PAST_THE_CONSENT);
        assertThat(isDue(id)).isTrue();

        sync.sync(id);

        JsonNode connection = connection(id);
        assertThat(connection.get("state").asString()).isEqualTo("SCARequired");
        assertThat(connection.get("next_try").isNull()).isTrue();
        assertThat(bank.syncs(id)).isZero();
        assertThat(isDue(id)).isFalse();
        JsonNode log = logs(id).get(0);
        assertThat(log.get("actor").asString()).isEqualTo("scheduler");
        assertThat(log.get("to_state").asString()).isEqualTo("SCARequired");
        assertThat(log.get("cause").asString()).startsWith("consentExpired");
    }

    @Test
    void whenTheUserAuthenticatesAgainThenTheConsentRunsAnother180DaysAndSyncsResume() {
        long id = addedOnFlakyBank();
        clock.advance(PAST_THE_CONSENT);
        sync.sync(id);

        Instant before = clock.instant();
        JsonNode forced = api.post("/users/me/connections/" + id).bearer(user.token()).json(Map.of()).send().json();

        assertThat(forced.get("state").isNull()).isTrue();
        assertThat(WireTime.instant(source(id).get("access_expire"))).isAfterOrEqualTo(before.plus(VALIDITY).minusSeconds(1));
        clock.advance(ONE_DAY_LATER);
        sync.sync(id);
        assertThat(connection(id).get("state").isNull()).isTrue();
        assertThat(bank.syncs(id)).isEqualTo(2);
    }

    @Test
    void whenTheUserRefreshesTheirAuthenticationBeforeTheConsentEndsThenItRunsAnother180DaysFromThen() {
        long id = addedOnTheTestConnector("directaccesswebsite");
        clock.advance(Duration.ofDays(100));

        Instant before = clock.instant();
        TestApi.Response refreshed = api.post("/users/me/connections/" + id).bearer(user.token())
                .json(Map.of("refresh_auth", true)).send();

        assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(200);
        assertThat(refreshed.json().get("state").isNull()).isTrue();
        assertThat(WireTime.instant(source(id).get("access_expire"))).isAfterOrEqualTo(before.plus(VALIDITY).minusSeconds(1));
        assertThat(logs(id).get(0).get("cause").asString()).startsWith("authentication");
    }

    @Test
    void whenTheConsentHasNotEndedThenTheBackgroundSyncReachesTheBank() {
        long id = addedOnFlakyBank();
        clock.advance(VALIDITY.minusDays(1));

        sync.sync(id);

        assertThat(connection(id).get("state").isNull()).isTrue();
        assertThat(bank.syncs(id)).isEqualTo(1);
    }

    @Test
    void whenTheConsentOfASourceReachedByRedirectEndedThenWebauthRequired() {
        long id = addedOnTheTestConnector("openapiwebsite");
        clock.advance(PAST_THE_CONSENT);

        sync.sync(id);

        JsonNode connection = connection(id);
        assertThat(connection.get("state").asString()).isEqualTo("webauthRequired");
        assertThat(connection.get("next_try").isNull()).isTrue();
        assertThat(logs(id).get(0).get("cause").asString()).startsWith("consentExpired");
    }

    /** A {@code par} connection of the test connector on the source that {@code websiteField} picks. */
    private long addedOnTheTestConnector(String websiteField) {
        return added(TestConnector.fields("par").without("directaccesswebsite").with(websiteField, "par").map());
    }
}
