package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one mapper from connector outcomes to protocol states (§4). */
class StepOutcomesTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    final StepOutcomes outcomes = new StepOutcomes(new ConnectionsProperties(null, null, Duration.ofMinutes(45), null));

    @Test
    void successHasNoStateAndIsSyncedAgainAfterTheConnectorPeriod() {
        StepOutcome outcome = map(new StepResult.Success("s"));

        assertThat(outcome.state()).isNull();
        assertThat(outcome.nextTry()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(outcome.session()).isEqualTo("s");
    }

    @Test
    void challengeAsksItsFieldsAndExpires() {
        Instant expiry = NOW.plusSeconds(300);
        StepOutcome outcome = map(new StepResult.Challenge(List.of(FieldSpec.text("otp", "Code")), "Type it", expiry, null));

        assertThat(outcome.state()).isEqualTo(ConnectionState.ADDITIONAL_INFORMATION_NEEDED);
        assertThat(outcome.fields()).extracting(ConnectionFieldView::name).containsExactly("otp");
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
        assertThat(outcome.fields()).extracting(ConnectionFieldView::name).containsExactly("login", "password");
        assertThat(outcome.nextTry()).isNull();
    }

    @Test
    void passwordExpiredAsksOnlyTheSecretFields() {
        StepOutcome outcome = map(StepResult.Failure.of(FailureReason.PASSWORD_EXPIRED, null));

        assertThat(outcome.fields()).extracting(ConnectionFieldView::name).containsExactly("password");
    }

    @Test
    void rateLimitedIsRetriedWhenTheInstitutionSays() {
        StepOutcome outcome = map(new StepResult.Failure(FailureReason.RATE_LIMITED, null, Duration.ofMinutes(5), null));

        assertThat(outcome.state()).isEqualTo(ConnectionState.RATE_LIMITING);
        assertThat(outcome.nextTry()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void websiteUnavailableIsRetriedAfterTheConfiguredDelay() {
        StepOutcome outcome = map(StepResult.Failure.of(FailureReason.WEBSITE_UNAVAILABLE, null));

        assertThat(outcome.nextTry()).isEqualTo(NOW.plus(Duration.ofMinutes(45)));
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
            assertThat(StepOutcomes.stateOf(reason)).as(reason.name()).isNotNull();
        }
    }

    @Test
    void notSupportedIsNeverRetried() {
        StepOutcome outcome = map(StepResult.Failure.of(FailureReason.NOT_SUPPORTED, null));

        assertThat(outcome.state().kind()).isEqualTo(ConnectionState.Kind.FINAL);
        assertThat(outcome.nextTry()).isNull();
    }

    private StepOutcome map(StepResult result) {
        return outcomes.map(result, bank(), "web", NOW);
    }

    private static ConnectorDescriptor bank() {
        SourceDescriptor web = new SourceDescriptor(1, "web", 1, AuthMechanism.CREDENTIALS,
                Set.of(AuthMechanism.CREDENTIALS), List.of("bank"), List.of("PRIV"));
        List<FieldSpec> fields = List.of(
                new FieldSpec("login", "Login", null, FieldType.TEXT, true, null, List.of(), List.of(), Set.of()),
                new FieldSpec("password", "Password", null, FieldType.PASSWORD, true, null, List.of(), List.of(), Set.of()),
                new FieldSpec("mode", "Mode", null, FieldType.LIST, false, null,
                        List.of(new FieldSpec.Choice("a", "A")), List.of(), Set.of()));
        return new ConnectorDescriptor(7, UUID.randomUUID(), "Bank", null, null, null, false, List.of("bank"),
                List.of("checking"), List.of("PRIV"), List.of("fr"), 6, 1, List.of(web), fields);
    }
}
