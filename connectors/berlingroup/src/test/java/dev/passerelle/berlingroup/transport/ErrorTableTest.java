package dev.passerelle.berlingroup.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTableTest {

    @ParameterizedTest
    @CsvSource({
            "401, CONSENT_EXPIRED, CONSENT_ENDED",
            "401, CONSENT_INVALID, CONSENT_ENDED",
            "403, CONSENT_UNKNOWN, CONSENT_ENDED",
            "401, TOKEN_EXPIRED, TOKEN_EXPIRED",
            "401, PSU_CREDENTIALS_INVALID, WRONG_CREDENTIALS",
            "429, ACCESS_EXCEEDED, RATE_LIMITED",
            "503, SERVICE_UNAVAILABLE, UNAVAILABLE",
            "400, FORMAT_ERROR, REJECTED_REQUEST",
            "401, CERTIFICATE_INVALID, REJECTED_REQUEST",
            "401, SIGNATURE_MISSING, REJECTED_REQUEST",
            "409, STATUS_INVALID, AUTHENTICATE_AGAIN",
            "403, SERVICE_BLOCKED, ACTION_NEEDED",
            "400, invalid_grant, CONSENT_ENDED",
            "500, , UNAVAILABLE",
            "429, , RATE_LIMITED",
            "418, SOMETHING_NEW, REJECTED_REQUEST"})
    void codesWinOverStatuses(int status, String code, ErrorTable.Meaning meaning) {
        assertThat(ErrorTable.meaning(error(status, code, null))).isEqualTo(meaning);
    }

    @Test
    void aBankNotReachedIsUnavailableAndAnAnswerAgainstTheStandardIsForTheOperator() {
        assertThat(ErrorTable.meaning(BankError.unreachable("GET /v1/accounts", "timeout")))
                .isEqualTo(ErrorTable.Meaning.UNAVAILABLE);
        assertThat(ErrorTable.meaning(BankError.unusable("POST /v1/consents", "no consentId")))
                .isEqualTo(ErrorTable.Meaning.REJECTED_REQUEST);
    }

    @Test
    void aDataCallCarriesTheRetryAfterOfAnUnavailableBank() {
        Interruption interruption = ErrorTable.interruption(error(503, null, Duration.ofMinutes(2)),
                context(AuthMechanism.CREDENTIALS, ConnectorLog.discarding()));

        assertThat(interruption.outcome()).isEqualTo(new StepResult.Failure(FailureReason.WEBSITE_UNAVAILABLE,
                ErrorTable.UNAVAILABLE_MESSAGE, Duration.ofMinutes(2)));
    }

    @Test
    void theOperatorReadsTheCallStatusAndCodeTheUserOnlyAPlainSentence() {
        List<String> warnings = new ArrayList<>();

        StepResult outcome = ErrorTable.outcome(error(401, "CERTIFICATE_EXPIRED", null),
                context(AuthMechanism.WEBAUTH, warningsInto(warnings)));

        assertThat(outcome).isEqualTo(StepResult.Failure.of(FailureReason.BUG, ErrorTable.REJECTED_MESSAGE));
        assertThat(warnings).singleElement().asString()
                .contains("GET /v1/accounts", "HTTP 401", "CERTIFICATE_EXPIRED", "the certificate is out of date");
    }

    @Test
    void anAnswerAgainstTheStandardTellsTheOperatorWhatWasWrongAndTheUserThatItCouldNotBeRead() {
        List<String> warnings = new ArrayList<>();

        StepResult outcome = ErrorTable.outcome(BankError.unusable("GET /v1/accounts", "the answer is no JSON object"),
                context(AuthMechanism.WEBAUTH, warningsInto(warnings)));

        assertThat(outcome).isEqualTo(StepResult.Failure.of(FailureReason.BUG, ErrorTable.UNUSABLE_MESSAGE));
        assertThat(warnings).singleElement().asString()
                .contains("breaks the Berlin Group standard", "GET /v1/accounts", "no JSON object");
    }

    @Test
    void refusedCredentialsAreRetypedOnTheSourceThatHasSomeAndGivenAtTheBankOnTheOther() {
        BankError refused = error(401, "PSU_CREDENTIALS_INVALID", null);

        assertThat(ErrorTable.outcome(refused, context(AuthMechanism.CREDENTIALS, ConnectorLog.discarding())))
                .isEqualTo(StepResult.Failure.of(FailureReason.WRONG_PASS, "the certificate is out of date"));
        assertThat(ErrorTable.interruption(refused, context(AuthMechanism.WEBAUTH, ConnectorLog.discarding())).outcome())
                .isEqualTo(new StepResult.WebauthRequired(ErrorTable.NOT_RECOGNISED_MESSAGE));
    }

    @ParameterizedTest
    @CsvSource({"401, CONSENT_INVALID", "401, CONSENT_EXPIRED", "403, CONSENT_UNKNOWN", "401, TOKEN_INVALID",
            "401, TOKEN_EXPIRED"})
    void aCodeAboutAConsentAnsweringItsCreationIsARejectedRequestNotAnEndedConsent(int status, String code) {
        List<String> warnings = new ArrayList<>();

        StepResult outcome = ErrorTable.creationOutcome(error(status, code, null),
                context(AuthMechanism.WEBAUTH, warningsInto(warnings)));

        assertThat(outcome).isEqualTo(StepResult.Failure.of(FailureReason.BUG, ErrorTable.REJECTED_MESSAGE));
        assertThat(warnings).singleElement().asString().contains("rejected the connector's request", code);
        assertThat(ErrorTable.outcome(error(status, code, null), context(AuthMechanism.WEBAUTH, ConnectorLog.discarding())))
                .isInstanceOf(StepResult.ConsentExpired.class);
    }

    private static ConnectionContext context(AuthMechanism mechanism, ConnectorLog log) {
        return ConnectionContext.builder().source("openapi").mechanism(mechanism).clock(Clock.systemUTC()).log(log).build();
    }

    private static ConnectorLog warningsInto(List<String> warnings) {
        return new ConnectorLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
    }

    private static BankError error(int status, String code, Duration retryAfter) {
        List<TppMessage> messages = code == null ? List.of()
                : List.of(new TppMessage(code, null, "the certificate is out of date"));
        return new BankError("GET /v1/accounts", status, messages, retryAfter, "HTTP " + status);
    }
}
