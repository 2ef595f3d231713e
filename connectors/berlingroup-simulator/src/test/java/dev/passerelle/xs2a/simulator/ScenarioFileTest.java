package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.xs2a.simulator.cli.ScenarioFile;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {

    /** The example of docs/berlin-group-simulator.md, "Scenario file". */
    static final String DOCUMENTED = """
            {
              "psus": [
                {"psuId": "alice", "password": "pw", "approach": "EMBEDDED", "maxAttempts": 3,
                 "scaMethods": [{"id": "sms", "type": "SMS_OTP", "name": "SMS to +49 160 xxx 28", "tan": "111111"},
                                {"id": "push", "type": "PUSH_OTP", "tan": "222222"}],
                 "transactionsPerPage": 20, "transactionIds": false, "ownerName": "Alice Example"},
                {"psuId": "dora", "approach": "DECOUPLED", "decoupledOutcome": "REJECTED", "decoupledDelay": "PT30S"},
                {"psuId": "eve", "approach": "REDIRECT", "silentExpiry": "P1D", "unattendedAccessesPerDay": 2,
                 "faults": [{"kind": "ACCESS_EXCEEDED", "endpoints": ["TRANSACTIONS"], "times": 1, "retryAfter": "PT2M"}]}
              ],
              "faults": [{"kind": "SERVICE_UNAVAILABLE", "endpoints": ["ACCOUNTS"], "times": 2, "retryAfter": "PT1M"}]
            }
            """;

    @Test
    void theDocumentedExampleReadsIntoScenariosWithDefaultsForTheRest(@TempDir Path dir) throws Exception {
        ScenarioFile file = ScenarioFile.read(Files.writeString(dir.resolve("s.json"), DOCUMENTED));

        PsuScenario alice = file.psus().getFirst();
        assertThat(alice.approach()).isEqualTo(ScaApproach.EMBEDDED);
        assertThat(alice.scaMethods()).extracting(m -> m.tan()).containsExactly("111111", "222222");
        assertThat(alice.scaMethods().get(1).name()).isEqualTo("PUSH_OTP");
        assertThat(alice.transactionIds()).isFalse();
        PsuScenario dora = file.psus().get(1);
        assertThat(dora.password()).isEqualTo(PsuScenario.DEFAULT_PASSWORD);
        assertThat(dora.decoupledOutcome()).isEqualTo(PsuScenario.DecoupledOutcome.REJECTED);
        assertThat(dora.decoupledDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(dora.transactionIds()).isTrue();
        PsuScenario eve = file.psus().get(2);
        assertThat(eve.silentExpiry()).isEqualTo(Duration.ofDays(1));
        assertThat(eve.faults().getFirst()).isEqualTo(
                Fault.of(Fault.Kind.ACCESS_EXCEEDED, Endpoint.TRANSACTIONS).times(1).retryAfter(Duration.ofMinutes(2)));
        assertThat(file.faults().getFirst().times()).isEqualTo(2);
    }
}
