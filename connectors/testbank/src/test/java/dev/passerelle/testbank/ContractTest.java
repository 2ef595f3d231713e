package dev.passerelle.testbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.ContractChecks;
import dev.passerelle.testkit.Dialogue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connector test kit's contract checks, on the test connector's usual connections. */
class ContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"par", "pro", "SCARequired"})
    void aConnectionWithCredentialsKeepsTheContract(String scenario) {
        ContractChecks.of(new TestBankConnector())
                .connection(() -> Bank.directaccess(scenario), Dialogue::start)
                .assertAll();
    }

    @Test
    void aConnectionWithAOneTimeCodeKeepsTheContract() {
        ContractChecks.of(new TestBankConnector())
                .connection(() -> Bank.directaccess("additionalInformationNeeded"), dialogue -> {
                    dialogue.start();
                    return dialogue.answer(Map.of("openapisms", "abcd"));
                })
                .assertAll();
    }

    @Test
    void aConnectionValidatedInTheBankAppKeepsTheContract() {
        ContractChecks.of(new TestBankConnector())
                .connection(() -> Bank.directaccess("longDecoupled"), dialogue -> {
                    dialogue.start();
                    return dialogue.awaitDecoupled(Duration.ofMinutes(5));
                })
                .assertAll();
    }

    @Test
    void aConnectorThatBreaksTheContractIsToldWhy() {
        ContractChecks checks = ContractChecks.of(new TestBankConnector())
                .connection(() -> Bank.directaccess("wrongpass"), Dialogue::start);

        assertThat(checks.failures()).singleElement().asString().startsWith("connect did not reach Success");
    }

    @Test
    void theDialogueRefusesASessionThatCarriesThePassword() {
        Dialogue bank = Bank.directaccess("par");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bank.call(true, ctx -> {
                    ctx.saveSession("password=" + ctx.credential("password").orElseThrow());
                    return StepResult.Success.of();
                }))
                .isInstanceOf(AssertionError.class).hasMessageContaining("password or a secret setting in clear");
    }
}
