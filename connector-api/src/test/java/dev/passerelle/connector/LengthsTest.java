package dev.passerelle.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LengthsTest {

    private static Transaction.Builder transaction() {
        return Transaction.builder().externalId("t1").date(LocalDate.of(2026, 12, 7)).value(new BigDecimal("-12.50"))
                .type(TransactionType.TRANSFER).originalWording("VIR SEPA");
    }

    @Test
    void aWordingLongerThanTheServerStoresIsCutWithAnEllipsis() {
        String remittance = "VIR SEPA LOYER ".repeat(50);

        Transaction built = transaction().originalWording(remittance).simplifiedWording(remittance).build();

        assertThat(built.originalWording()).hasSize(Lengths.WORDING).endsWith("…")
                .startsWith(remittance.substring(0, Lengths.WORDING - 1));
        assertThat(built.simplifiedWording()).isEqualTo(built.originalWording());
        assertThat(built.toBuilder().build().originalWording()).isEqualTo(built.originalWording());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDCB6";
        String wording = "x".repeat(Lengths.WORDING - 2) + emoji + emoji;

        String cut = transaction().originalWording(wording).build().originalWording();

        assertThat(cut).isEqualTo("x".repeat(Lengths.WORDING - 2) + "…");
    }

    @Test
    void textsAtTheirLimitAndNullsAreKeptAsTheyAre() {
        String name = "n".repeat(Lengths.NAME);
        Account account = Account.builder().externalId("a1").name(name).type(AccountType.CHECKING)
                .balance(BigDecimal.TEN).currency("EUR").build();

        assertThat(account.name()).isSameAs(name);
        assertThat(account.number()).isNull();
        assertThat(account.companyName()).isNull();
    }

    @Test
    void nulIsDroppedFromTextsWhichPostgresqlCannotHold() {
        assertThat(transaction().originalWording("CB\0 CARREFOUR").build().originalWording()).isEqualTo("CB CARREFOUR");
    }

    @Test
    void anIdentifierTooLongToStoreFailsTheItemNamingTheFieldRatherThanBeingCut() {
        assertThatThrownBy(() -> transaction().externalId("i".repeat(Lengths.EXTERNAL_ID + 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Transaction.externalId must be at most 200 characters without NUL (201 given)");
        assertThatThrownBy(() -> Account.builder().externalId("a1").name("n").type(AccountType.CHECKING)
                .balance(BigDecimal.TEN).currency("EUR").iban("FR76".repeat(9)).build())
                .hasMessageStartingWith("Account.iban must be at most 34 characters");
        assertThatThrownBy(() -> transaction().externalId("t\0").build()).hasMessageStartingWith("Transaction.externalId");
    }
}
