package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.NOW;
import static dev.passerelle.testbank.ContextBuilder.aContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    /** The bank's today at {@link ContextBuilder#NOW}, a Thursday. */
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 14);

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void historyGoesBackAboutSixMonths() {
        List<Transaction> history = transactions(aContext().build(), "Compte chèque", null);

        assertThat(history.getFirst().date()).isBetween(TODAY.minusMonths(6), TODAY.minusMonths(6).plusDays(7));
        assertThat(history.getLast().date()).isBeforeOrEqualTo(TODAY);
    }

    @Test
    void transactionsStartAtTheGivenDate() {
        LocalDate since = TODAY.minusDays(20);

        assertThat(transactions(aContext().build(), "Carte Visa Premier", since))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.date()).isAfterOrEqualTo(since))
                .anySatisfy(t -> assertThat(t.date()).isBefore(since.plusDays(3)));
    }

    @Test
    void onlyTheLastTwoDaysAreComing() {
        List<Transaction> card = transactions(aContext().build(), "Carte Visa Premier", TODAY.minusDays(30));

        assertThat(card).filteredOn(Transaction::coming)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.date()).isAfter(TODAY.minusDays(2)));
        assertThat(card).filteredOn(t -> !t.coming())
                .allSatisfy(t -> assertThat(t.date()).isBeforeOrEqualTo(TODAY.minusDays(2)));
    }

    @Test
    void sameInputsGiveEqualTransactions() {
        assertThat(allTransactions(aContext().login("erin").build()))
                .isEqualTo(allTransactions(aContext().login("erin").build()));
    }

    @Test
    void differentLoginGivesDifferentTransactions() {
        Set<String> erin = wordingsAndAmounts(aContext().login("erin").build());
        Set<String> frank = wordingsAndAmounts(aContext().login("frank").build());

        assertThat(erin).isNotEqualTo(frank);
    }

    @Test
    void movingTheClockKeepsPastTransactionsIdentical() {
        Map<String, Transaction> before = byId(allTransactions(aContext().build()));
        Map<String, Transaction> after = byId(allTransactions(aContext().at(NOW.plus(Duration.ofDays(10))).build()));

        List<Transaction> booked = before.values().stream()
                .filter(t -> !t.coming() && t.date().isAfter(TODAY.minusMonths(5))).toList();
        assertThat(booked).hasSizeGreaterThan(100)
                .allSatisfy(t -> assertThat(after.get(t.externalId())).isEqualTo(t));
    }

    @Test
    void movingTheClockTurnsComingTransactionsIntoBookedOnesWithTheSameId() {
        Map<String, Transaction> after = byId(allTransactions(aContext().at(NOW.plus(Duration.ofDays(3))).build()));

        List<Transaction> coming = allTransactions(aContext().build()).stream().filter(Transaction::coming).toList();

        assertThat(coming).isNotEmpty().allSatisfy(t -> {
            Transaction later = after.get(t.externalId());
            assertThat(later.coming()).isFalse();
            assertThat(later).usingRecursiveComparison().ignoringFields("coming").isEqualTo(t);
        });
    }

    @Test
    void transactionIdsAreUnique() {
        List<Transaction> all = allTransactions(aContext().build());

        assertThat(all).extracting(Transaction::externalId).doesNotHaveDuplicates();
    }

    @Test
    void amountsHaveTwoDecimals() {
        assertThat(allTransactions(aContext().scenario("pro").build()))
                .allSatisfy(t -> assertThat(t.value().scale()).isEqualTo(2));
    }

    @Test
    void salaryIsPaidEveryMonth() {
        List<Transaction> salaries = transactions(aContext().build(), "Compte chèque", null).stream()
                .filter(t -> t.originalWording().startsWith("VIR SEPA SALAIRE ")).toList();

        assertThat(salaries).hasSize(6).allSatisfy(t -> {
            assertThat(t.value()).isPositive();
            assertThat(t.type()).isEqualTo("transfer");
            assertThat(t.counterparty().type()).isEqualTo("debtor");
        });
    }

    @Test
    void rentIsPaidOnTheFirstBusinessDayOfEachMonth() {
        List<Transaction> rents = transactions(aContext().build(), "Compte chèque", null).stream()
                .filter(t -> t.originalWording().startsWith("VIR SEPA LOYER ")).toList();

        assertThat(rents).hasSize(6)
                .allSatisfy(t -> assertThat(t.date()).isEqualTo(Schedule.bookingDay(YearMonth.from(t.date()), 1)));
        assertThat(rents).extracting(Transaction::value).containsOnly(rents.getFirst().value());
    }

    @Test
    void transfersNameTheirCounterpartyWithAnIban() {
        assertThat(allTransactions(aContext().build())).filteredOn(t -> t.type().equals("transfer"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.counterparty().label()).isNotBlank());
        assertThat(transactions(aContext().build(), "Compte chèque", null))
                .filteredOn(t -> t.originalWording().startsWith("VIR SEPA LOYER"))
                .allSatisfy(t -> assertThat(t.counterparty().schemeName()).isEqualTo("iban"));
    }

    @Test
    void cardPaymentsAreWordedWithTheirDayAndMaskedCard() {
        assertThat(transactions(aContext().build(), "Carte Visa Premier", null))
                .isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.type()).isEqualTo("deferred_card");
                    assertThat(t.originalWording()).matches("CB .+ \\d{2}/\\d{2}");
                    assertThat(t.rdate()).isBeforeOrEqualTo(t.date());
                    assertThat(t.card()).matches("4974X{8}\\d{4}");
                });
    }

    @Test
    void monthlyCardDebitOnTheCheckingAccountPaysTheCardsMonth() {
        ConnectionContext ctx = aContext().build();
        Transaction february = transactions(ctx, "Compte chèque", null).stream()
                .filter(t -> t.type().equals("summary_card") && t.date().getMonthValue() == 2)
                .findFirst().orElseThrow();

        BigDecimal spent = transactions(ctx, "Carte Visa Premier", LocalDate.of(2024, 2, 1)).stream()
                .filter(t -> !t.date().isAfter(february.date()))
                .map(Transaction::value).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(february.value()).isEqualByComparingTo(spent);
    }

    @Test
    void everyAccountTypeHasTransactionsOfTypesThePowensApiKnows() {
        Set<String> known = Set.of("transfer", "order", "check", "deposit", "payback", "withdrawal", "loan_payment",
                "bank", "card", "deferred_card", "summary_card", "unknown");

        assertThat(allTransactions(aContext().build())).extracting(Transaction::type)
                .containsAll(Set.of("transfer", "order", "withdrawal", "bank", "card", "deferred_card",
                        "summary_card", "loan_payment"))
                .allMatch(known::contains);
    }

    @Test
    void transactionsOfAnUnknownAccountAreNone() {
        Account stranger = connector.accounts(aContext().login("someone else").build()).findFirst().orElseThrow();

        assertThat(connector.transactions(aContext().build(), stranger, null)).isEmpty();
    }

    private List<Transaction> transactions(ConnectionContext ctx, String accountName, LocalDate since) {
        Account account = connector.accounts(ctx).filter(a -> a.name().equals(accountName)).findFirst().orElseThrow();
        return connector.transactions(ctx, account, since).toList();
    }

    private List<Transaction> allTransactions(ConnectionContext ctx) {
        return connector.accounts(ctx).flatMap(account -> connector.transactions(ctx, account, null)).toList();
    }

    private Set<String> wordingsAndAmounts(ConnectionContext ctx) {
        return allTransactions(ctx).stream().map(t -> t.date() + t.originalWording() + t.value())
                .collect(Collectors.toSet());
    }

    private static Map<String, Transaction> byId(List<Transaction> transactions) {
        return transactions.stream().collect(Collectors.toMap(Transaction::externalId, Function.identity()));
    }
}
