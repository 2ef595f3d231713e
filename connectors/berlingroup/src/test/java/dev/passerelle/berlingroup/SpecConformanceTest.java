package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every flow of the connector against a simulator that validates each request it receives and each
 * answer it sends with the Berlin Group's OpenAPI file (CI only: {@code -Dpasserelle.xs2a.spec=…}).
 */
@Tag("xs2a-spec")
class SpecConformanceTest {

    private static final LocalDate SINCE = LocalDate.parse("2025-01-01");

    @Test
    void redirectAndEveryDataCallConform() {
        conforms(Map.of(), bank -> {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();
            dialogue.followRedirect(bank.accepting("paged"));
            for (Account account : dialogue.accounts()) {
                dialogue.call(true, ctx -> dialogue.connector().transactions(ctx, account, SINCE));
            }
            dialogue.sync(false);
            dialogue.call(true, ctx -> {
                ((BerlinGroupConnector) dialogue.connector()).revoke(ctx);
                return "revoked";
            });
        });
    }

    @Test
    void theDetailedModelConforms() {
        conforms(Map.of("consent-model", "detailed"), bank -> {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();
            dialogue.followRedirect(bank.accepting("no-ids"));
            dialogue.activate(dialogue.accounts());
            dialogue.accountsActivated();
            assertThat(dialogue.followRedirect(bank.accepting("no-ids"))).isInstanceOf(StepResult.Success.class);
            Account first = dialogue.accounts().getFirst();
            dialogue.transactions(first, SINCE);
        });
    }

    @Test
    void theEmbeddedApproachConforms() {
        conforms(Map.of(), bank -> {
            Dialogue dialogue = bank.embedded("embedded-choice", "secret");
            dialogue.start();
            dialogue.answer(Map.of("scamethod", "photo"));
            dialogue.answer(Map.of("tan", "000000"));
            assertThat(dialogue.answer(Map.of("tan", "654321"))).isInstanceOf(StepResult.Success.class);
            bank.embedded("embedded", "wrong").start();
        });
    }

    @Test
    void theDecoupledAndOAuthApproachesConform() {
        conforms(Map.of(), bank -> {
            Dialogue decoupled = bank.webauth("decoupled");
            decoupled.start();
            assertThat(decoupled.awaitDecoupled(Duration.ofMinutes(1))).isInstanceOf(StepResult.Success.class);
            Dialogue oauth = bank.webauth("oauth");
            oauth.start();
            assertThat(oauth.followRedirect(bank.accepting("oauth"))).isInstanceOf(StepResult.Success.class);
            oauth.accounts();
        });
    }

    @Test
    void signedRequestsConform() {
        Consumer<SimulatorOptions.Builder> signatures =
                options -> options.requireSignature(TppCertificates.get().pki.certificate());
        try (SimulatedBank bank = SimulatedBank.start(signatures,
                Map.of("signing", "true", "qseal-alias", TppCertificates.QSEAL))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();
            assertThat(dialogue.followRedirect(bank.accepting("redirect"))).isInstanceOf(StepResult.Success.class);
            dialogue.accounts();
            assertConforms(bank);
        }
    }

    private static void conforms(Map<String, String> configuration, Consumer<SimulatedBank> flow) {
        try (SimulatedBank bank = SimulatedBank.start(configuration)) {
            flow.accept(bank);
            assertConforms(bank);
        }
    }

    private static void assertConforms(SimulatedBank bank) {
        assertThat(bank.simulator.validating()).as("the simulator validates against the OpenAPI file (-D%s)",
                SimulatorOptions.SPEC_PROPERTY).isTrue();
        assertThat(bank.simulator.requests()).isNotEmpty();
        assertThat(bank.simulator.specViolations()).isEmpty();
    }
}
