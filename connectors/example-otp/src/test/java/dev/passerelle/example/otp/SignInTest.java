package dev.passerelle.example.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Adding Banque Exemple: the password, the SMS code, and what goes wrong on the way. */
class SignInTest {

    private static final Instant NOW = Instant.parse("2024-03-14T09:30:00Z");

    private final TestClock clock = TestClock.at(NOW.toString());
    @AutoClose
    private final BanqueExemple bank = BanqueExemple.open(clock);

    @Test
    void theRightPasswordAsksForTheCodeSentBySms() {
        StepResult started = Customer.alice(bank, clock).start();

        assertThat(started).isInstanceOfSatisfying(StepResult.Challenge.class, challenge -> {
            assertThat(challenge.fields()).extracting(FieldSpec::name).containsExactly("code");
            assertThat(challenge.message()).isEqualTo("Enter the code sent to +33 6 •• •• •• 42");
            assertThat(challenge.expiresAt()).isEqualTo(NOW.plus(BanqueExemple.CODE_LIFETIME));
        });
        assertThat(bank.smsSentTo()).hasSize(1);
    }

    @Test
    void theRightCodeSignsInWithTheInstitutionsConsentAndShowsTheAccountsAndTheirOperations() {
        Dialogue alice = Customer.alice(bank, clock);
        alice.start();

        StepResult signedIn = alice.answer(Map.of("code", bank.lastCode()));

        assertThat(signedIn).isInstanceOfSatisfying(StepResult.Success.class, success ->
                assertThat(success.consent().validUntil()).isEqualTo(NOW.plus(BanqueExemple.TOKEN_LIFETIME)));
        List<Account> accounts = alice.accounts();
        assertThat(accounts).extracting(Account::externalId, Account::type)
                .containsExactly(tuple("cc-1", AccountType.CHECKING),
                        tuple("ld-1", AccountType.SAVINGS));
        Account checking = accounts.getFirst();
        List<Transaction> operations = alice.activate(checking).transactions(checking, LocalDate.of(2024, 3, 4));
        assertThat(operations).extracting(Transaction::externalId, Transaction::value, Transaction::type)
                .containsExactly(tuple("cc-1-op-2", new BigDecimal("2100.00"), TransactionType.TRANSFER),
                        tuple("cc-1-op-3", new BigDecimal("-61.20"), TransactionType.ORDER));
    }

    @Test
    void aWrongCodeAsksAgainSayingHowManyAttemptsAreLeft() {
        Dialogue alice = Customer.alice(bank, clock);
        alice.start();

        StepResult again = alice.answer(Map.of("code", "000000"));

        assertThat(again).isInstanceOfSatisfying(StepResult.Challenge.class, challenge -> {
            assertThat(challenge.message()).isEqualTo("Code incorrect");
            assertThat(challenge.attemptsLeft()).isEqualTo(2);
        });
        assertThat(alice.answer(Map.of("code", bank.lastCode()))).isInstanceOf(StepResult.Success.class);
        assertThat(bank.smsSentTo()).hasSize(1);
    }

    @Test
    void aCodeAnsweredTooLateSendsANewOneAndAsksForIt() {
        Dialogue alice = Customer.alice(bank, clock);
        alice.start();
        String late = bank.lastCode();
        clock.advance(BanqueExemple.CODE_LIFETIME.plus(Duration.ofSeconds(1)));

        StepResult fresh = alice.answer(Map.of("code", late));

        assertThat(fresh).isInstanceOfSatisfying(StepResult.Challenge.class, challenge ->
                assertThat(challenge.message()).startsWith("That code expired."));
        assertThat(bank.smsSentTo()).hasSize(2).doesNotHaveDuplicates();
        assertThat(alice.answer(Map.of("code", bank.lastCode()))).isInstanceOf(StepResult.Success.class);
    }

    @Test
    void aWrongPasswordIsWrongpassWithTheInstitutionsWordsAndSendsNoSms() {
        Dialogue alice = Customer.alice(bank, clock, "Tr0ub4dor&3").build();

        StepResult refused = alice.start();

        assertThat(refused).isEqualTo(StepResult.Failure.of(FailureReason.WRONG_PASS,
                "Identifiant ou mot de passe incorrect"));
        assertThat(alice.session()).isEmpty();
        assertThat(bank.smsSentTo()).isEmpty();
    }

    @Test
    void anInstitutionThatThrottlesIsRateLimitedWithItsRetryAfter() {
        bank.throttle(1);

        StepResult throttled = Customer.alice(bank, clock).start();

        assertThat(throttled).isInstanceOfSatisfying(StepResult.Failure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(FailureReason.RATE_LIMITED);
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        });
    }
}
