package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.berlingroup.directory.BankDescriptor;
import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.LogLine;
import dev.passerelle.testkit.DataCallStopped;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The bank's errors, each as the table maps it: what the user sees, what the operator reads. */
class BankErrorsTest {

    private static final LocalDate SINCE = LocalDate.parse("2025-02-01");

    @Test
    void aConsentThatExpiredBeforeTheNextDaysBackgroundSyncAsksTheUserToAuthenticateAgain() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = connected(bank, "expiring");

            bank.advance(Duration.ofDays(1));

            assertThat(dialogue.sync(false)).isInstanceOf(StepResult.ConsentExpired.class);
            assertThat(stopped(dialogue::accounts)).isInstanceOf(StepResult.ConsentExpired.class);
        }
    }

    @Test
    void withTheUserPresentAnEndedConsentOfTheEmbeddedSourceIsRenewedAtOnce() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = bank.embedded("embedded", "secret");
            dialogue.start();
            dialogue.answer(Map.of("tan", "123456"));
            bank.simulator.expireConsent(bank.simulator.consents().getFirst().consentId());

            assertThat(dialogue.sync(false)).isInstanceOf(StepResult.ConsentExpired.class);
            StepResult renewal = dialogue.sync(true);

            assertThat(renewal).isInstanceOf(StepResult.Challenge.class);
            assertThat(dialogue.answer(Map.of("tan", "123456"))).isInstanceOf(StepResult.Success.class);
            assertThat(bank.simulator.consents()).hasSize(2);
            assertThat(dialogue.accounts()).isNotEmpty();
        }
    }

    @Test
    void aConsentTheUserRevokedAtTheBankEndsTheAccess() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = connected(bank, "redirect");

            bank.simulator.revokeConsent(bank.simulator.consents().getFirst().consentId());

            assertThat(stopped(dialogue::accounts)).isInstanceOf(StepResult.ConsentExpired.class);
        }
    }

    @Test
    void accessExceededIsRateLimitingWithTheBanksRetryAfter() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = connected(bank, "rate-limited");
            Account checking = dialogue.accounts().getFirst();
            dialogue.activate(checking);
            dialogue.transactions(checking, SINCE);

            StepResult outcome = stopped(() -> dialogue.transactions(checking, SINCE));

            assertThat(outcome).isInstanceOfSatisfying(StepResult.Failure.class, failure -> {
                assertThat(failure.reason()).isEqualTo(FailureReason.RATE_LIMITED);
                assertThat(failure.retryAfter()).isEqualTo(Duration.parse(bank.simulator
                        .lastRequest(Endpoint.TRANSACTIONS).orElseThrow().responseHeader("Retry-After")
                        .map(s -> "PT" + s + "S").orElseThrow()));
            });
        }
    }

    @Test
    void anUnavailableBankIsWebsiteUnavailableWithItsRetryAfter() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = connected(bank, "unavailable");

            assertThat(stopped(dialogue::accounts)).isInstanceOfSatisfying(StepResult.Failure.class, failure -> {
                assertThat(failure.reason()).isEqualTo(FailureReason.WEBSITE_UNAVAILABLE);
                assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(5));
            });
        }
    }

    @Test
    void aRequestTheBankRejectsIsABugWithALineForTheOperator() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = connected(bank, "redirect");
            bank.simulator.fault(Fault.of(Fault.Kind.FORMAT_ERROR, Endpoint.ACCOUNTS).times(1));

            assertThat(stopped(dialogue::accounts)).isInstanceOfSatisfying(StepResult.Failure.class, failure ->
                    assertThat(failure.reason()).isEqualTo(FailureReason.BUG));
            assertThat(dialogue.log()).anySatisfy(line -> {
                assertThat(line.level()).isEqualTo(LogLine.Level.WARN);
                assertThat(line.message()).contains("GET /v1/accounts", "HTTP 400", "FORMAT_ERROR");
            });
        }
    }

    @Test
    void withoutItsQwacTheConnectorIsRefusedAndTheOperatorIsTold() {
        try (SimulatedBank bank = SimulatedBank.start(without("qwac-alias"))) {
            StepResult refused = bank.webauth(null).start();

            assertThat(refused).isInstanceOfSatisfying(StepResult.Failure.class, failure ->
                    assertThat(failure.reason()).isEqualTo(FailureReason.BUG));
            assertThat(bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow().responseBody())
                    .contains("CERTIFICATE_MISSING");
        }
    }

    @Test
    void aBankThatWantsSignaturesRefusesUnsignedRequests() {
        Consumer<dev.passerelle.xs2a.simulator.SimulatorOptions.Builder> signatures =
                options -> options.requireSignature(TppCertificates.get().pki.certificate());
        try (SimulatedBank bank = SimulatedBank.start(signatures, Map.of())) {
            Dialogue dialogue = bank.webauth(null);

            assertThat(dialogue.start()).isInstanceOfSatisfying(StepResult.Failure.class, failure ->
                    assertThat(failure.reason()).isEqualTo(FailureReason.BUG));
            assertThat(dialogue.log()).anySatisfy(line -> assertThat(line.message()).contains("SIGNATURE_MISSING"));
        }
    }

    @Test
    void aBankCertificateNotTrustedHereIsForTheOperatorNotAnOutage() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Map<String, String> untrusting = new HashMap<>(bank.directory());
            untrusting.remove("certificates.truststore");
            untrusting.remove("certificates.truststore-password");
            Dialogue dialogue = bank.dialogue(untrusting).source(BankDescriptor.OPEN_API).mechanism(AuthMechanism.WEBAUTH)
                    .build();

            assertThat(dialogue.start()).isInstanceOfSatisfying(StepResult.Failure.class, failure ->
                    assertThat(failure.reason()).isEqualTo(FailureReason.BUG));
            assertThat(dialogue.log()).anySatisfy(line -> {
                assertThat(line.level()).isEqualTo(LogLine.Level.WARN);
                assertThat(line.message()).contains("POST /v1/consents", "CERTIFICATE_INVALID", "PKIX");
            });
        }
    }

    private static Map<String, String> without(String key) {
        Map<String, String> bank = new HashMap<>();
        bank.put(key, "");
        return bank;
    }

    private static Dialogue connected(SimulatedBank bank, String psuId) {
        Dialogue dialogue = bank.webauth(null);
        dialogue.start();
        assertThat(dialogue.followRedirect(bank.accepting(psuId))).isInstanceOf(StepResult.Success.class);
        return dialogue;
    }

    private static StepResult stopped(Runnable call) {
        DataCallStopped stopped = (DataCallStopped) org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(stopped).isNotNull();
        return stopped.outcome();
    }
}
