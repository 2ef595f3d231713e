package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportedFailureScenariosTest {

    private final TestBankConnector connector = new TestBankConnector();

    @ParameterizedTest
    @CsvSource({
            "actionNeeded, ACTION_NEEDED, Please confirm the new terms and conditions",
            "websiteUnavailable, WEBSITE_UNAVAILABLE, The bank's website is unavailable",
            "rateLimiting, RATE_LIMITED, Too many requests to the bank; retry later",
            "bug, BUG, An unexpected error occurred"})
    void transientScenarioWhenFirstStartedThenFailsWithItsReason(String scenario, FailureReason reason, String message) {
        StepResult.Failure failure = failure(connector.start(aContext().scenario(scenario).build()));

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.userMessage()).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actionNeeded", "websiteUnavailable", "rateLimiting", "bug"})
    void transientScenarioWhenFirstSyncedThenFails(String scenario) {
        String parSession = connector.start(aContext().scenario("par").build()).session();

        assertThat(connector.sync(aContext().scenario(scenario).session(parSession).userAbsent().build()))
                .isInstanceOf(StepResult.Failure.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actionNeeded", "websiteUnavailable", "rateLimiting", "bug"})
    void transientScenarioWhenSyncedAfterTheFailureThenSuccess(String scenario) {
        String reported = connector.start(aContext().scenario(scenario).build()).session();

        assertThat(connector.sync(aContext().scenario(scenario).session(reported).userAbsent().build()))
                .isInstanceOf(StepResult.Success.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actionNeeded", "websiteUnavailable", "rateLimiting", "bug"})
    void transientScenarioWhenStartedAgainAfterTheFailureThenSuccess(String scenario) {
        String reported = connector.start(aContext().scenario(scenario).build()).session();

        assertThat(connector.start(aContext().scenario(scenario).session(reported).build()))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void actionNeededWhenSyncedAfterRecoveryThenStaysSuccessful() {
        String reported = connector.start(aContext().scenario("actionNeeded").build()).session();
        String recovered = connector.sync(aContext().scenario("actionNeeded").session(reported).build()).session();

        assertThat(connector.sync(aContext().scenario("actionNeeded").session(recovered).userAbsent().build()))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void rateLimitingWhenFirstContactThenRetryAfterSixtySeconds() {
        assertThat(failure(connector.start(aContext().scenario("rateLimiting").build())).retryAfter())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void passwordExpiredWhenStartedThenPasswordExpired() {
        StepResult.Failure failure = failure(connector.start(aContext().scenario("passwordExpired").build()));

        assertThat(failure.reason()).isEqualTo(FailureReason.PASSWORD_EXPIRED);
        assertThat(failure.userMessage()).isEqualTo("Your password has expired; change it on your bank's website");
    }

    @Test
    void passwordExpiredWhenSyncedWhileReportedThenStillExpired() {
        String reported = connector.start(aContext().scenario("passwordExpired").build()).session();

        assertThat(failure(connector.sync(aContext().scenario("passwordExpired").session(reported).build())).reason())
                .isEqualTo(FailureReason.PASSWORD_EXPIRED);
    }

    @Test
    void passwordExpiredWhenStartedAgainWithoutNewPasswordThenStillExpired() {
        String reported = connector.start(aContext().scenario("passwordExpired").build()).session();

        assertThat(failure(connector.start(aContext().scenario("passwordExpired").session(reported).build())).reason())
                .isEqualTo(FailureReason.PASSWORD_EXPIRED);
    }

    @Test
    void passwordExpiredWhenNewPasswordPostedThenSuccess() {
        String reported = connector.start(aContext().scenario("passwordExpired").build()).session();

        assertThat(connector.start(aContext().scenario("passwordExpired").session(reported).posted("password").build()))
                .isInstanceOf(StepResult.Success.class);
    }

    @Test
    void passwordExpiredWhenSyncedAfterNewPasswordThenSuccess() {
        String reported = connector.start(aContext().scenario("passwordExpired").build()).session();
        String renewed = connector.start(aContext().scenario("passwordExpired").session(reported).posted("password")
                .build()).session();

        assertThat(connector.sync(aContext().scenario("passwordExpired").session(renewed).userAbsent().build()))
                .isInstanceOf(StepResult.Success.class);
    }
}
