package dev.passerelle.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ChallengeImage;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Consent;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.ScaMethod;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.connector.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one mapper from connector outcomes to protocol states (docs/protocol.md §4). */
class StepOutcomesTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** Backoff base 10 min, at most 2 h; the jitter always draws the middle of its range. */
    final StepOutcomes outcomes = new StepOutcomes(new RetryBackoff(Duration.ofMinutes(10), Duration.ofHours(2),
            () -> 0.5), SyncPeriods::own);

    @Test
    void successHasNoStateAndIsSyncedAgainAfterTheConnectorPeriod() {
        StepOutcome outcome = map(StepResult.Success.of());

        assertThat(outcome.state()).isNull();
        assertThat(outcome.nextTry()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(outcome.granted()).isNull();
    }

    @Test
    void successCarriesTheConsentTheInstitutionGranted() {
        Consent consent = Consent.until(NOW.plus(Duration.ofDays(90))).withFrequencyPerDay(4).forAccounts(Set.of("A1"));

        assertThat(map(StepResult.Success.granting(consent)).granted()).isEqualTo(consent);
    }

    @Test
    void theBackgroundSyncKeepsUnderTheUnattendedAccessesADayTheInstitutionGranted() {
        ConnectorDescriptor hourly = ConnectorDescriptor.builder(8, UUID.randomUUID(), "Hourly").spiVersion(Spi.VERSION)
                .sources(bank().sources()).fields(bank().fields()).syncPeriodDays(1.0 / 24).build();
        Consent fourADay = Consent.until(NOW.plus(Duration.ofDays(90))).withFrequencyPerDay(4);

        assertThat(outcomes.map(StepResult.Success.granting(fourADay), hourly, "web", NOW, 0).nextTry())
                .isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(outcomes.map(StepResult.Success.granting(fourADay.withFrequencyPerDay(48)), hourly, "web", NOW, 0)
                .nextTry()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(map(StepResult.Success.granting(fourADay)).nextTry()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void aConsentTheInstitutionSaysEndedAsksTheUserToAuthenticateTheWayTheSourceIsReachedByDefault() {
        StepOutcome credentials = outcomes.map(new StepResult.ConsentExpired("Consent revoked"), bank(), "web", NOW, 0);
        StepOutcome redirect = outcomes.map(new StepResult.ConsentExpired(null), bank(), "psd", NOW, 0);

        assertThat(credentials.state()).isEqualTo(ConnectionState.SCA_REQUIRED);
        assertThat(credentials.errorMessage()).isEqualTo("Consent revoked");
        assertThat(credentials.consentEnded()).isTrue();
        assertThat(redirect.state()).isEqualTo(ConnectionState.WEBAUTH_REQUIRED);
        assertThat(redirect.errorMessage()).isEqualTo(StepOutcomes.CONSENT_ENDED);
    }

    @Test
    void aChallengeAsksItsFieldsWithItsImageAttemptsLeftAndWhetherItCanBeGivenUp() {
        ChallengeImage image = new ChallengeImage("image/png", new byte[] {1, 2, 3}, "photoTAN");
        StepResult.Challenge challenge = StepResult.Challenge.builder()
                .field(FieldSpec.text("tan", "TAN"))
                .image(image)
                .attemptsLeft(2)
                .cancellable(true)
                .build();

        Prompt prompt = map(challenge).prompt();

        assertThat(prompt.fields()).extracting(FieldSpec::name).containsExactly("tan");
        assertThat(prompt.image()).isEqualTo(image);
        assertThat(prompt.attemptsLeft()).isEqualTo(2);
        assertThat(prompt.cancellable()).isTrue();
    }

    @Test
    void aChoiceOfScaMethodsIsAListField() {
        StepResult.Challenge choice = StepResult.Challenge.builder()
                .chooseMethod("method", "How do you want to confirm?", List.of(new ScaMethod("sms", "SMS to 06…12"),
                        new ScaMethod("push", "Bank app")))
                .build();

        assertThat(map(choice).prompt().fields()).singleElement().satisfies(field -> {
            assertThat(field.type()).isEqualTo(FieldType.LIST);
            assertThat(field.values()).extracting(FieldSpec.Choice::value).containsExactly("sms", "push");
        });
    }

    @Test
    void aDecoupledValidationIsPendingUntilItExpires() {
        Instant expiry = NOW.plusSeconds(600);

        StepOutcome outcome = map(new StepResult.Decoupled("Confirm in your app", Duration.ofSeconds(3), expiry));

        assertThat(outcome.pending()).isEqualTo(PendingStep.DECOUPLED);
        assertThat(outcome.pendingUntil()).isEqualTo(expiry);
    }

    @Test
    void challengeAsksItsFieldsAndExpires() {
        Instant expiry = NOW.plusSeconds(300);
        StepOutcome outcome = map(StepResult.Challenge.ofField("otp", "Code", "Type it", expiry));

        assertThat(outcome.state()).isEqualTo(ConnectionState.ADDITIONAL_INFORMATION_NEEDED);
        assertThat(outcome.prompt().fields()).extracting(FieldSpec::name).containsExactly("otp");
        assertThat(outcome.pending()).isEqualTo(PendingStep.CHALLENGE);
        assertThat(outcome.pendingUntil()).isEqualTo(expiry);
        assertThat(outcome.failed()).isFalse();
    }

    @Test
    void wrongPassAsksTheRequiredCredentialFieldsAgain() {
        StepOutcome outcome = map(StepResult.Failure.of(FailureReason.WRONG_PASS, "Incorrect password"));

        assertThat(outcome.state()).isEqualTo(ConnectionState.WRONGPASS);
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.errorMessage()).isEqualTo("Incorrect password");
        assertThat(outcome.prompt().fields()).extracting(FieldSpec::name).containsExactly("login", "password");
        assertThat(outcome.nextTry()).isNull();
    }

    @Test
    void passwordExpiredAsksOnlyTheSecretFields() {
        StepOutcome outcome = map(StepResult.Failure.of(FailureReason.PASSWORD_EXPIRED, null));

        assertThat(outcome.prompt().fields()).extracting(FieldSpec::name).containsExactly("password");
    }

    @Test
    void rateLimitedIsRetriedNoEarlierThanTheInstitutionSays() {
        StepOutcome outcome = map(StepResult.Failure.rateLimited(null, Duration.ofMinutes(50)));

        assertThat(outcome.state()).isEqualTo(ConnectionState.RATE_LIMITING);
        assertThat(outcome.nextTry()).isEqualTo(NOW.plus(Duration.ofMinutes(50)));
    }

    @Test
    void whenTheFirstTransientFailureThenRetriedWithinTheBaseDelayAndCounted() {
        StepOutcome outcome = map(StepResult.Failure.of(FailureReason.WEBSITE_UNAVAILABLE, null));

        assertThat(outcome.nextTry()).isEqualTo(NOW.plus(Duration.ofMinutes(7).plusSeconds(30)));
        assertThat(outcome.transientFailures()).isEqualTo(1);
    }

    @Test
    void whenTransientFailuresRepeatThenEachWaitsTwiceAsLongUpToTheMaximum() {
        StepOutcome third = outcomes.map(StepResult.Failure.of(FailureReason.BUG, null), bank(), "web", NOW, 2);
        StepOutcome tenth = outcomes.map(StepResult.Failure.of(FailureReason.BUG, null), bank(), "web", NOW, 9);

        assertThat(third.transientFailures()).isEqualTo(3);
        assertThat(third.nextTry()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(tenth.nextTry()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
    }

    @Test
    void whenAStepSucceedsOrNeedsTheUserAfterTransientFailuresThenTheCountIsReset() {
        assertThat(outcomes.map(StepResult.Success.of(), bank(), "web", NOW, 4).transientFailures()).isZero();
        assertThat(outcomes.map(StepResult.Failure.of(FailureReason.WRONG_PASS, null), bank(), "web", NOW, 4)
                .transientFailures()).isZero();
    }

    @Test
    void whenTheUserMustAuthenticateOrFixCredentialsThenNeverRetriedUnattended() {
        List<StepResult> needUser = List.of(
                new StepResult.ScaRequired("SCA"),
                new StepResult.WebauthRequired("renew"),
                new StepResult.ConsentExpired("revoked"),
                new StepResult.Decoupled("validate in your app", Duration.ofSeconds(2), null),
                StepResult.Challenge.ofField("otp", "Code", "Type it", null),
                StepResult.Failure.of(FailureReason.WRONG_PASS, null),
                StepResult.Failure.of(FailureReason.PASSWORD_EXPIRED, null),
                StepResult.Failure.of(FailureReason.DECOUPLED_CANCELLED, null));

        for (StepResult result : needUser) {
            StepOutcome outcome = outcomes.map(result, bank(), "web", NOW, 3);
            assertThat(outcome.nextTry()).as(result.getClass().getSimpleName()).isNull();
            assertThat(outcome.transientFailures()).as(result.getClass().getSimpleName()).isZero();
        }
    }

    @Test
    void whenActionIsNeededAtTheBankThenOnlyThePeriodicSyncLooksAgainWithoutBackoff() {
        StepOutcome outcome = outcomes.map(StepResult.Failure.of(FailureReason.ACTION_NEEDED, null), bank(), "web", NOW, 3);

        assertThat(outcome.nextTry()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(outcome.transientFailures()).isZero();
    }

    @Test
    void whenTheConsentOfACredentialsSourceEndsThenScaRequiredAndNoRetry() {
        StepOutcome outcome = outcomes.consentExpired(bank(), "web");

        assertThat(outcome.state()).isEqualTo(ConnectionState.SCA_REQUIRED);
        assertThat(outcome.nextTry()).isNull();
        assertThat(outcome.failed()).isFalse();
    }

    @Test
    void whenTheConsentOfARedirectSourceEndsThenWebauthRequired() {
        assertThat(outcomes.consentExpired(bank(), "psd").state()).isEqualTo(ConnectionState.WEBAUTH_REQUIRED);
    }

    @Test
    void cancelledOrExpiredDecoupledValidationNeedsANewSca() {
        assertThat(map(StepResult.Failure.of(FailureReason.DECOUPLED_CANCELLED, "refused")).state())
                .isEqualTo(ConnectionState.SCA_REQUIRED);
        assertThat(map(StepResult.Failure.of(FailureReason.DECOUPLED_EXPIRED, "too late")).state())
                .isEqualTo(ConnectionState.SCA_REQUIRED);
    }

    @Test
    void everyFailureReasonHasAState() {
        for (FailureReason reason : FailureReason.values()) {
            assertThat(ConnectionState.of(reason)).as(reason.name()).isNotNull();
        }
    }

    @Test
    void notSupportedIsNeverRetried() {
        StepOutcome outcome = map(StepResult.Failure.of(FailureReason.NOT_SUPPORTED, null));

        assertThat(outcome.state().kind()).isEqualTo(ConnectionState.Kind.FINAL);
        assertThat(outcome.nextTry()).isNull();
    }

    private StepOutcome map(StepResult result) {
        return outcomes.map(result, bank(), "web", NOW, 0);
    }

    private static ConnectorDescriptor bank() {
        SourceDescriptor web = SourceDescriptor.builder(1, "web").priority(1).build();
        SourceDescriptor psd = SourceDescriptor.builder(2, "psd").priority(2).authMechanism(AuthMechanism.WEBAUTH).build();
        List<FieldSpec> fields = List.of(
                new FieldSpec("login", "Login", null, FieldType.TEXT, true, null, List.of(), List.of(), Set.of()),
                new FieldSpec("password", "Password", null, FieldType.PASSWORD, true, null, List.of(), List.of(), Set.of()),
                new FieldSpec("mode", "Mode", null, FieldType.LIST, false, null,
                        List.of(new FieldSpec.Choice("a", "A")), List.of(), Set.of()));
        return ConnectorDescriptor.builder(7, UUID.randomUUID(), "Bank").spiVersion(Spi.VERSION)
                .sources(List.of(web, psd)).fields(fields).build();
    }
}
