package dev.passerelle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.StepResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ContractChecksTest {

    private static final Function<Dialogue, StepResult> START = Dialogue::start;

    @Test
    void aConnectorThatKeepsTheContractPasses() {
        ContractChecks.of(new ToyBank(ToyBank.Flaw.NONE))
                .connection(() -> DialogueTest.dialogue(ToyBank.Flaw.NONE), START)
                .assertAll();
    }

    @Test
    void idsThatChangeFromCallToCallAreReported() {
        ContractChecks checks = ContractChecks.of(new ToyBank(ToyBank.Flaw.UNSTABLE_IDS))
                .connection(() -> DialogueTest.dialogue(ToyBank.Flaw.UNSTABLE_IDS), START);

        assertThat(checks.failures()).anySatisfy(failure ->
                assertThat(failure).startsWith("account external ids after a sync changed"));
    }

    @Test
    void aCapabilityDeclaredButNotImplementedIsReported() {
        assertThat(ContractChecks.of(new ToyBank(ToyBank.Flaw.DECLARES_WEALTH)).failures())
                .containsExactly("a source declares WEALTH but the connector does not implement WealthCapability");
    }

    @Test
    void allFailuresAreListedInOneAssertion() {
        assertThatThrownBy(() -> ContractChecks.of(new ToyBank(ToyBank.Flaw.DECLARES_WEALTH)).assertAll())
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("The connector breaks the SPI contract:");
    }
}
