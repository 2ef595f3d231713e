package dev.passerelle.berlingroup.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.berlingroup.transport.BankError;
import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TransactionReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.parse("2025-03-14");

    private static final String TWO_COFFEES = """
            {"booked": [
              {"bookingDate": "2025-03-10", "valueDate": "2025-03-10",
               "transactionAmount": {"currency": "EUR", "amount": "-2.50"},
               "creditorName": "Café", "remittanceInformationUnstructured": "Coffee"},
              {"bookingDate": "2025-03-10", "valueDate": "2025-03-10",
               "transactionAmount": {"currency": "EUR", "amount": "-2.50"},
               "creditorName": "Café", "remittanceInformationUnstructured": "Coffee"},
              {"bookingDate": "2025-03-11", "transactionAmount": {"currency": "EUR", "amount": "1200.00"},
               "debtorName": "Employer", "debtorAccount": {"iban": "DE02 1001 0010 0006 8201 01"},
               "remittanceInformationUnstructuredArray": ["Salary", "March"], "bankTransactionCode": "PMNT-RCDT-ESCT"}
            ],
            "pending": [
              {"transactionAmount": {"currency": "EUR", "amount": "-9.99"}, "creditorName": "Streaming",
               "remittanceInformationStructured": {"reference": "RF18 5390 0754 7034"}}
            ]}""";

    @Test
    void twoIdenticalOperationsOnOneDayStayTwoAndKeepTheirIdsOnEveryReading() {
        List<Transaction> first = read(TWO_COFFEES);
        List<Transaction> again = read(TWO_COFFEES);

        assertThat(first).hasSize(4);
        assertThat(first).extracting(Transaction::externalId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("xs2a-[0-9a-f]{32}-[0-9]+"));
        assertThat(again).extracting(Transaction::externalId)
                .containsExactlyElementsOf(first.stream().map(Transaction::externalId).toList());
        assertThat(first.get(0).externalId()).endsWith("-0");
        assertThat(first.get(1).externalId()).endsWith("-1")
                .startsWith(first.get(0).externalId().substring(0, first.get(0).externalId().length() - 1));
    }

    @Test
    void theWordingCounterpartyAndKindComeFromTheEntry() {
        List<Transaction> transactions = read(TWO_COFFEES);

        Transaction salary = transactions.get(2);
        assertThat(salary.originalWording()).isEqualTo("Salary March");
        assertThat(salary.type()).isEqualTo(TransactionType.TRANSFER);
        assertThat(salary.rawType()).isEqualTo("PMNT-RCDT-ESCT");
        assertThat(salary.counterparty().label()).isEqualTo("Employer");
        assertThat(salary.counterparty().role()).isEqualTo(Counterparty.Role.DEBTOR);
        assertThat(salary.counterparty().scheme()).isEqualTo(Counterparty.Scheme.IBAN);
        assertThat(salary.counterparty().identification()).isEqualTo("DE02100100100006820101");
        Transaction coffee = transactions.getFirst();
        assertThat(coffee.counterparty().role()).isEqualTo(Counterparty.Role.CREDITOR);
        assertThat(coffee.type()).isEqualTo(TransactionType.OTHER);
        Transaction pending = transactions.getLast();
        assertThat(pending.coming()).isTrue();
        assertThat(pending.date()).isEqualTo(TODAY);
        assertThat(pending.originalWording()).isEqualTo("RF18 5390 0754 7034");
    }

    @Test
    void theBanksIdsWinOverDerivedOnes() {
        List<Transaction> transactions = read("""
                {"booked": [{"transactionId": "T-1", "entryReference": "E-1", "bookingDate": "2025-03-10",
                             "transactionAmount": {"currency": "EUR", "amount": "5"}},
                            {"entryReference": "E-2", "bookingDate": "2025-03-10",
                             "transactionAmount": {"currency": "EUR", "amount": "5"}}]}""");

        assertThat(transactions).extracting(Transaction::externalId).containsExactly("T-1", "E-2");
    }

    @Test
    void anIdTheBankGivesTwoOperationsKeepsBothAndTheSameEntryTwiceIsReadOnce() {
        String salary = """
                {"transactionId": "T-1", "bookingDate": "2025-03-10", "transactionAmount": {"currency": "EUR", "amount": "1200"}}""";
        List<Transaction> transactions = read("""
                {"booked": [%s, %s,
                            {"transactionId": "T-1", "bookingDate": "2025-03-11",
                             "transactionAmount": {"currency": "EUR", "amount": "-5"}}]}""".formatted(salary, salary));

        assertThat(transactions).extracting(Transaction::value).map(BigDecimal::toPlainString).containsExactly("1200", "-5");
        assertThat(transactions.getFirst().externalId()).isEqualTo("T-1");
        assertThat(transactions.getLast().externalId()).matches("xs2a-[0-9a-f]{32}-0");
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesNeverReachTheStoredTexts() {
        List<Transaction> transactions = read("""
                {"booked": [{"transactionId": "T\\u0000-1", "bookingDate": "2025-03-10",
                             "transactionAmount": {"currency": "EUR", "amount": "-5"}, "creditorName": "Caf\\u00e9 \\ud83c\\udf70",
                             "remittanceInformationUnstructuredArray": ["Bill\\u0007 42", "\\ud800 tip\\u001b"]}]}""");

        Transaction cake = transactions.getFirst();
        assertThat(cake.externalId()).isEqualTo("T-1");
        assertThat(cake.originalWording()).isEqualTo("Bill 42 \uFFFD tip");
        assertThat(cake.counterparty().label()).isEqualTo("Café 🍰");
    }

    @Test
    void aReportOfMoreEntriesThanAnyAccountMakesIsRefusedBeforeItFillsTheMemory() {
        String entry = """
                {"bookingDate": "2025-03-10", "transactionAmount": {"currency": "EUR", "amount": "-1"}}""";
        String page = "{\"booked\": [" + String.join(",", Collections.nCopies(TransactionReport.MAX_ENTRIES / 2 + 1, entry)) + "]}";
        TransactionReport report = new TransactionReport("GET /v1/accounts/a/transactions", false, "EUR", TODAY);
        report.add(JSON.readTree(page));

        assertThatThrownBy(() -> report.add(JSON.readTree(page))).isInstanceOfSatisfying(BankError.class, error ->
                assertThat(error.describe()).contains("more than 100000 entries"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1e400\"", "\"1e999999999\"", "\"NaN\"", "\"12,50\"", "\"\"", "null",
            "1.123456789012345678901234567890", "\"123456789012345.00\""})
    void anEntryWhoseAmountIsNotTheStandardsAmountValueIsUnusable(String amount) {
        assertThatThrownBy(() -> read("""
                {"booked": [{"transactionId": "T-1", "bookingDate": "2025-03-10",
                             "transactionAmount": {"currency": "EUR", "amount": %s}}]}""".formatted(amount)))
                .isInstanceOfSatisfying(BankError.class, error -> {
                    assertThat(error.isUnusable()).isTrue();
                    assertThat(error.describe()).contains("GET /v1/accounts/a/transactions", "transactionAmount");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"bookingDate\": \"2026-02-30", "valueDate\": \"14/03/2025", "transactionDate\": \"yesterday"})
    void anEntryWithADateThatIsNoDateIsUnusableRatherThanDatedToday(String field) {
        assertThatThrownBy(() -> read("""
                {"booked": [{"transactionId": "T-1", "%s",
                             "transactionAmount": {"currency": "EUR", "amount": "5"}}]}""".formatted(field)))
                .isInstanceOfSatisfying(BankError.class, error -> {
                    assertThat(error.isUnusable()).isTrue();
                    assertThat(error.describe()).contains("is no date");
                });
    }

    @Test
    void anEntryWithoutDatesIsDatedTodayAsBefore() {
        assertThat(read("""
                {"booked": [{"transactionId": "T-1", "transactionAmount": {"currency": "EUR", "amount": "5"}}]}"""))
                .singleElement().satisfies(t -> assertThat(t.date()).isEqualTo(TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "€", "E1R", ""})
    void anEntryInNoIsoCurrencyIsUnusable(String currency) {
        assertThatThrownBy(() -> read("""
                {"booked": [{"transactionId": "T-1", "bookingDate": "2025-03-10",
                             "transactionAmount": {"currency": "%s", "amount": "5"}}]}""".formatted(currency)))
                .isInstanceOf(BankError.class);
    }

    @Test
    void anAmountSentAsAJsonNumberOrACurrencyInLowerCaseIsRead() {
        List<Transaction> transactions = read("""
                {"booked": [{"transactionId": "T-1", "bookingDate": "2025-03-10",
                             "transactionAmount": {"currency": "eur", "amount": -12.5}}]}""");

        assertThat(transactions).singleElement().satisfies(t -> assertThat(t.value()).isEqualByComparingTo("-12.5"));
    }

    private static List<Transaction> read(String json) {
        TransactionReport report = new TransactionReport("GET /v1/accounts/a/transactions", false, "EUR", TODAY);
        JsonNode node = JSON.readTree(json);
        report.add(node);
        return report.transactions();
    }
}
