package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportedFailureScenariosTest {

    @ParameterizedTest
    @CsvSource({
            "actionNeeded, ACTION_NEEDED, Please confirm the new terms and conditions",
            "websiteUnavailable, WEBSITE_UNAVAILABLE, The bank's website is unavailable",
            "rateLimiting, RATE_LIMITED, Too many requests to the bank; retry later",
            "bug, BUG, An unexpected error occurred"})
    void transientScenarioWhenFirstStartedThenFailsWithItsReason(String scenario, FailureReason reason, String message) {
        StepResult.Failure failure = failure(directaccess(scenario).start());

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.userMessage()).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actionNeeded", "websiteUnavailable", "rateLimiting", "bug"})
    void transientScenarioWhenFirstSyncedThenFails(String scenario) {
        Dialogue changed = Bank.credentials("directaccess", scenario).session(parSession()).build();
        assertThat(changed.sync(false)).isInstanceOf(StepResult.Failure.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actionNeeded", "websiteUnavailable", "rateLimiting", "bug"})
    void transientScenarioWhenSyncedAfterTheFailureThenSuccess(String scenario) {
        Dialogue bank = started(scenario);

        assertThat(bank.sync(false)).isInstanceOf(StepResult.Success.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actionNeeded", "websiteUnavailable", "rateLimiting", "bug"})
    void transientScenarioWhenStartedAgainAfterTheFailureThenSuccess(String scenario) {
        Dialogue bank = started(scenario);

        assertThat(bank.start()).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void actionNeededWhenSyncedAfterRecoveryThenStaysSuccessful() {
        Dialogue bank = started("actionNeeded");
        bank.sync(true);

        assertThat(bank.sync(false)).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void rateLimitingWhenFirstContactThenRetryAfterSixtySeconds() {
        assertThat(failure(directaccess("rateLimiting").start()).retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void passwordExpiredWhenStartedThenPasswordExpired() {
        StepResult.Failure failure = failure(directaccess("passwordExpired").start());

        assertThat(failure.reason()).isEqualTo(FailureReason.PASSWORD_EXPIRED);
        assertThat(failure.userMessage()).isEqualTo("Your password has expired; change it on your bank's website");
    }

    @Test
    void passwordExpiredWhenSyncedWhileReportedThenStillExpired() {
        assertThat(failure(started("passwordExpired").sync(true)).reason()).isEqualTo(FailureReason.PASSWORD_EXPIRED);
    }

    @Test
    void passwordExpiredWhenStartedAgainWithoutNewPasswordThenStillExpired() {
        StepResult again = started("passwordExpired").post(Map.of("directaccesswebsite", "passwordExpired"));

        assertThat(failure(again).reason()).isEqualTo(FailureReason.PASSWORD_EXPIRED);
    }

    @Test
    void passwordExpiredWhenNewPasswordPostedThenSuccess() {
        assertThat(started("passwordExpired").post(Map.of("password", "1234"))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void passwordExpiredWhenSyncedAfterNewPasswordThenSuccess() {
        Dialogue bank = started("passwordExpired");
        bank.post(Map.of("password", "1234"));

        assertThat(bank.sync(false)).isInstanceOf(StepResult.Success.class);
    }

    private static Dialogue started(String scenario) {
        Dialogue bank = directaccess(scenario);
        bank.start();
        return bank;
    }

    /** The session of a connection that succeeded under {@code par}. */
    private static String parSession() {
        Dialogue par = directaccess("par");
        par.start();
        return par.session().orElseThrow();
    }
}
