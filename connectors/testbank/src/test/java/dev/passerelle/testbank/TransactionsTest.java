package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.TODAY;
import static dev.passerelle.testbank.Bank.activated;
import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Bank.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.testkit.Dialogue;
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

    @Test
    void historyGoesBackAboutSixMonths() {
        List<Transaction> history = transactions(directaccess("par"), "Compte chèque", null);

        assertThat(history.getFirst().date()).isBetween(TODAY.minusMonths(6), TODAY.minusMonths(6).plusDays(7));
        assertThat(history.getLast().date()).isBeforeOrEqualTo(TODAY);
    }

    @Test
    void transactionsStartAtTheGivenDate() {
        LocalDate since = TODAY.minusDays(20);

        assertThat(transactions(directaccess("par"), "Carte Visa Premier", since))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.date()).isAfterOrEqualTo(since))
                .anySatisfy(t -> assertThat(t.date()).isBefore(since.plusDays(3)));
    }

    @Test
    void onlyTheLastTwoDaysAreComing() {
        List<Transaction> card = transactions(directaccess("par"), "Carte Visa Premier", TODAY.minusDays(30));

        assertThat(card).filteredOn(Transaction::coming)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.date()).isAfter(TODAY.minusDays(2)));
        assertThat(card).filteredOn(t -> !t.coming())
                .allSatisfy(t -> assertThat(t.date()).isBeforeOrEqualTo(TODAY.minusDays(2)));
    }

    @Test
    void sameInputsGiveEqualTransactions() {
        assertThat(allTransactions(ofLogin("erin"))).isEqualTo(allTransactions(ofLogin("erin")));
    }

    @Test
    void differentLoginGivesDifferentTransactions() {
        assertThat(wordingsAndAmounts(ofLogin("erin"))).isNotEqualTo(wordingsAndAmounts(ofLogin("frank")));
    }

    @Test
    void movingTheClockKeepsPastTransactionsIdentical() {
        Map<String, Transaction> before = byId(allTransactions(directaccess("par")));
        Map<String, Transaction> after = byId(allTransactions(later(Duration.ofDays(10))));

        List<Transaction> booked = before.values().stream()
                .filter(t -> !t.coming() && t.date().isAfter(TODAY.minusMonths(5))).toList();
        assertThat(booked).hasSizeGreaterThan(100)
                .allSatisfy(t -> assertThat(after.get(t.externalId())).isEqualTo(t));
    }

    @Test
    void movingTheClockTurnsComingTransactionsIntoBookedOnesWithTheSameId() {
        Map<String, Transaction> after = byId(allTransactions(later(Duration.ofDays(3))));

        List<Transaction> coming = allTransactions(directaccess("par")).stream().filter(Transaction::coming).toList();

        assertThat(coming).isNotEmpty().allSatisfy(t -> {
            Transaction booked = after.get(t.externalId());
            assertThat(booked.coming()).isFalse();
            assertThat(booked.toBuilder().coming(true).build()).isEqualTo(t);
        });
    }

    @Test
    void transactionIdsAreUnique() {
        assertThat(allTransactions(directaccess("par"))).extracting(Transaction::externalId).doesNotHaveDuplicates();
    }

    @Test
    void amountsHaveTwoDecimals() {
        assertThat(allTransactions(directaccess("pro"))).allSatisfy(t -> assertThat(t.value().scale()).isEqualTo(2));
    }

    @Test
    void salaryIsPaidEveryMonth() {
        List<Transaction> salaries = transactions(directaccess("par"), "Compte chèque", null).stream()
                .filter(t -> t.originalWording().startsWith("VIR SEPA SALAIRE ")).toList();

        assertThat(salaries).hasSize(6).allSatisfy(t -> {
            assertThat(t.value()).isPositive();
            assertThat(t.type()).isEqualTo(TransactionType.TRANSFER);
            assertThat(t.counterparty().role()).isEqualTo(Counterparty.Role.DEBTOR);
        });
    }

    @Test
    void rentIsPaidOnTheFirstBusinessDayOfEachMonth() {
        List<Transaction> rents = transactions(directaccess("par"), "Compte chèque", null).stream()
                .filter(t -> t.originalWording().startsWith("VIR SEPA LOYER ")).toList();

        assertThat(rents).hasSize(6)
                .allSatisfy(t -> assertThat(t.date()).isEqualTo(Schedule.bookingDay(YearMonth.from(t.date()), 1)));
        assertThat(rents).extracting(Transaction::value).containsOnly(rents.getFirst().value());
    }

    @Test
    void transfersNameTheirCounterpartyWithAnIban() {
        assertThat(allTransactions(directaccess("par"))).filteredOn(t -> t.type() == TransactionType.TRANSFER)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.counterparty().label()).isNotBlank());
        assertThat(transactions(directaccess("par"), "Compte chèque", null))
                .filteredOn(t -> t.originalWording().startsWith("VIR SEPA LOYER"))
                .allSatisfy(t -> assertThat(t.counterparty().scheme()).isEqualTo(Counterparty.Scheme.IBAN));
    }

    @Test
    void cardPaymentsAreWordedWithTheirDayAndMaskedCard() {
        assertThat(transactions(directaccess("par"), "Carte Visa Premier", null))
                .isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.type()).isEqualTo(TransactionType.DEFERRED_CARD);
                    assertThat(t.originalWording()).matches("CB .+ \\d{2}/\\d{2}");
                    assertThat(t.rdate()).isBeforeOrEqualTo(t.date());
                    assertThat(t.card()).matches("4974X{8}\\d{4}");
                });
    }

    @Test
    void monthlyCardDebitOnTheCheckingAccountPaysTheCardsMonth() {
        Dialogue bank = directaccess("par");
        Transaction february = transactions(bank, "Compte chèque", null).stream()
                .filter(t -> t.type() == TransactionType.SUMMARY_CARD && t.date().getMonthValue() == 2)
                .findFirst().orElseThrow();

        BigDecimal spent = transactions(bank, "Carte Visa Premier", LocalDate.of(2024, 2, 1)).stream()
                .filter(t -> !t.date().isAfter(february.date()))
                .map(Transaction::value).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(february.value()).isEqualByComparingTo(spent);
    }

    @Test
    void theHouseholdBooksEveryUsualKindOfOperationAndNothingUnmapped() {
        assertThat(allTransactions(directaccess("par"))).extracting(Transaction::type)
                .containsAll(Set.of(TransactionType.TRANSFER, TransactionType.ORDER, TransactionType.WITHDRAWAL,
                        TransactionType.BANK, TransactionType.CARD, TransactionType.DEFERRED_CARD,
                        TransactionType.SUMMARY_CARD, TransactionType.LOAN_REPAYMENT))
                .doesNotContain(TransactionType.OTHER);
    }

    @Test
    void transactionsOfAnUnknownAccountAreNone() {
        Account stranger = ofLogin("someone else").accounts().getFirst();
        Dialogue bank = directaccess("par").activate(stranger);

        assertThat(bank.transactions(stranger, null)).isEmpty();
    }

    private static Dialogue ofLogin(String login) {
        return Bank.credentials("directaccess", "par").field("login", login).build();
    }

    private static Dialogue later(Duration by) {
        Dialogue bank = directaccess("par");
        bank.clock().advance(by);
        return bank;
    }

    private static List<Transaction> transactions(Dialogue bank, String accountName, LocalDate since) {
        return bank.transactions(named(activated(bank), accountName), since);
    }

    private static List<Transaction> allTransactions(Dialogue bank) {
        return activated(bank).stream().flatMap(account -> bank.transactions(account, null).stream()).toList();
    }

    private static Set<String> wordingsAndAmounts(Dialogue bank) {
        return allTransactions(bank).stream().map(t -> t.date() + t.originalWording() + t.value())
                .collect(Collectors.toSet());
    }

    private static Map<String, Transaction> byId(List<Transaction> transactions) {
        return transactions.stream().collect(Collectors.toMap(Transaction::externalId, Function.identity()));
    }
}
