package dev.passerelle.testbank;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import java.time.Duration;

/**
 * The first step under the scenario fails; the next one succeeds, as when the user accepted the new
 * terms at the bank or the site came back ({@code actionNeeded}, {@code websiteUnavailable},
 * {@code rateLimiting}, {@code bug}).
 */
record FailsOnceThenRecovers(FailureReason reason, String userMessage, Duration retryAfter) implements Behaviour {

    @Override
    public StepResult start(Attempt attempt) {
        return attempt.firstContact() ? attempt.failure(reason, userMessage, retryAfter) : attempt.success();
    }
}
