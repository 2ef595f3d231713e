package dev.passerelle.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.server.support.WireTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Transient failures ({@code websiteUnavailable}, {@code rateLimiting}, {@code bug}, docs/protocol.md §4) are retried
 * by the background sync with exponential backoff and equal jitter, visible as {@code next_try}.
 */
class TransientFailureBackoffTest extends FlakyBankSyncTest {

    /** {@code passerelle.connections.retry-delay}'s default: the first retry comes within it. */
    static final Duration BASE = Duration.ofMinutes(5);

    @Test
    void whenWebsiteUnavailableRepeatsThenEachRetryWaitsTwiceAsLongWithinItsJitterThenSuccessResets() {
        long id = dueAndFailing(4, FailureReason.WEBSITE_UNAVAILABLE, null);

        for (int failure = 1; failure <= 4; failure++) {
            Duration ceiling = BASE.multipliedBy(1L << (failure - 1));
            Retry retry = backgroundSync(id);

            assertThat(retry.state()).isEqualTo("websiteUnavailable");
            retry.assertWaitsBetween(ceiling.dividedBy(2), ceiling);
            clock.advance(retry.delay().plusSeconds(1));
            assertThat(isDue(id)).as("due after failure %d", failure).isTrue();
        }
        assertThat(backgroundSync(id).state()).isNull();

        bank.failNextSteps(id, 1, FailureReason.WEBSITE_UNAVAILABLE, null);
        clock.advance(ONE_DAY_LATER);
        backgroundSync(id).assertWaitsBetween(BASE.dividedBy(2), BASE);
        assertThat(bank.syncs(id)).isEqualTo(6);
    }

    @Test
    void whenTheInstitutionAsksToWaitLongerThanTheBackoffThenNoRetryBeforeIt() {
        long id = dueAndFailing(1, FailureReason.RATE_LIMITED, Duration.ofHours(3));

        Retry retry = backgroundSync(id);

        assertThat(retry.state()).isEqualTo("rateLimiting");
        retry.assertWaitsBetween(Duration.ofHours(3), Duration.ofHours(3));
    }

    @Test
    void whenTheUserAsksForASyncThenTheBackoffStartsAfresh() {
        long id = dueAndFailing(4, FailureReason.BUG, null);
        for (int failure = 1; failure <= 3; failure++) {
            clock.advance(backgroundSync(id).delay().plusSeconds(1));
        }

        Instant before = clock.instant();
        JsonNode synced = api.put("/users/me/connections/" + id).bearer(user.token()).send().json();
        Retry retry = new Retry(synced, before, clock.instant());

        assertThat(retry.state()).isEqualTo("bug");
        retry.assertWaitsBetween(BASE.dividedBy(2), BASE);
    }

    /** A connection due for its periodic sync, whose next {@code times} syncs fail with {@code reason}. */
    private long dueAndFailing(int times, FailureReason reason, Duration retryAfter) {
        long id = addedOnFlakyBank();
        bank.failNextSteps(id, times, reason, retryAfter);
        clock.advance(ONE_DAY_LATER);
        return id;
    }

    /** Syncs the connection as the scheduler does, and reads when it is tried again. */
    private Retry backgroundSync(long id) {
        Instant before = clock.instant();
        sync.sync(id);
        return new Retry(connection(id), before, clock.instant());
    }

    /** A connection after a sync that ran between {@code before} and {@code after}. */
    private record Retry(JsonNode connection, Instant before, Instant after) {

        String state() {
            return connection.get("state").asString(null);
        }

        /** From the sync's start to {@code next_try} (shown to the second). */
        Duration delay() {
            return Duration.between(before, WireTime.instant(connection.get("next_try")));
        }

        /** The wait the server chose was in [min, max]; the wire's whole seconds and the sync's own time aside. */
        void assertWaitsBetween(Duration min, Duration max) {
            assertThat(delay()).isBetween(min.minusSeconds(1), max.plus(Duration.between(before, after)));
        }
    }
}
