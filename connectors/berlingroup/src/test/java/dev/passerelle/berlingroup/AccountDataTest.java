package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountBalance;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.runtime.Called;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AccountDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate SINCE = LocalDate.parse("2025-02-01");

    @AutoClose
    SimulatedBank bank = SimulatedBank.start(Map.of());

    @Test
    void accountsShowTheBookedBalanceAndWhatPendingItemsAddToIt() throws Exception {
        Dialogue dialogue = connected("redirect");

        List<Account> accounts = dialogue.accounts();

        assertThat(bank.simulator.lastRequest(Endpoint.ACCOUNTS).orElseThrow().rawQuery()).isEqualTo("withBalance=true");
        JsonNode listed = JSON.readTree(bank.simulator.lastRequest(Endpoint.ACCOUNTS).orElseThrow().responseBody())
                .get("accounts").get(0);
        Account checking = accounts.getFirst();
        assertThat(checking.type()).isEqualTo(AccountType.CHECKING);
        assertThat(checking.rawType()).isEqualTo("CACC");
        assertThat(checking.iban()).isEqualTo(listed.get("iban").asText());
        assertThat(checking.externalId()).isEqualTo(listed.get("iban").asText() + ":EUR");
        assertThat(checking.bic()).isEqualTo("PASSDEB1XXX");
        BigDecimal booked = balance(listed, "interimBooked");
        assertThat(checking.balance()).isEqualByComparingTo(booked);
        assertThat(checking.coming()).isEqualByComparingTo(balance(listed, "expected").subtract(booked));
        assertThat(checking.balances()).extracting(AccountBalance::type)
                .containsExactly("closingBooked", "interimBooked", "expected", "interimAvailable");
        assertThat(accounts).extracting(Account::type)
                .containsExactly(AccountType.CHECKING, AccountType.SAVINGS, AccountType.CHECKING, AccountType.CARD);
        assertThat(accounts).extracting(Account::currency).containsExactly("EUR", "EUR", "USD", "EUR");
        JsonNode card = JSON.readTree(bank.simulator.lastRequest(Endpoint.CARD_ACCOUNTS).orElseThrow().responseBody())
                .get("cardAccounts").get(0);
        JsonNode cardBalances = JSON.readTree(bank.simulator.lastRequest(Endpoint.CARD_BALANCES).orElseThrow()
                .responseBody());
        assertThat(accounts.getLast().externalId()).isEqualTo(card.get("maskedPan").asText() + ":EUR");
        assertThat(accounts.getLast().balance()).isEqualByComparingTo(balance(cardBalances, "expected"));
    }

    @Test
    void transactionsAreBookedAndComingWithTheWordingAndCounterpartyTheBankGives() throws Exception {
        Dialogue dialogue = connected("redirect");
        Account checking = dialogue.accounts().getFirst();
        dialogue.activate(checking);

        List<Transaction> transactions = dialogue.transactions(checking, SINCE);

        RecordedRequest asked = bank.simulator.lastRequest(Endpoint.TRANSACTIONS).orElseThrow();
        assertThat(asked.rawQuery()).contains("bookingStatus=both", "dateFrom=2025-02-01");
        JsonNode report = JSON.readTree(asked.responseBody()).get("transactions");
        assertThat(transactions).hasSize(report.get("booked").size() + report.get("pending").size());
        assertThat(transactions).filteredOn(Transaction::coming).hasSize(report.get("pending").size()).isNotEmpty();
        JsonNode first = report.get("booked").get(0);
        Transaction mapped = transactions.stream().filter(t -> t.externalId().equals(first.get("transactionId").asText()))
                .findFirst().orElseThrow();
        assertThat(mapped.date()).isEqualTo(LocalDate.parse(first.get("bookingDate").asText()));
        assertThat(mapped.value()).isEqualByComparingTo(first.get("transactionAmount").get("amount").asText());
        assertThat(mapped.originalWording()).isEqualTo(first.get("remittanceInformationUnstructured").asText());
        String party = mapped.value().signum() < 0 ? "creditor" : "debtor";
        assertThat(mapped.counterparty()).isNotNull();
        assertThat(mapped.counterparty().label()).isEqualTo(first.get(party + "Name").asText());
        assertThat(mapped.counterparty().role())
                .isEqualTo(mapped.value().signum() < 0 ? Counterparty.Role.CREDITOR : Counterparty.Role.DEBTOR);
    }

    @Test
    void everyPageOfTheReportIsReadAlongTheNextLinks() {
        Dialogue dialogue = connected("paged");
        Account checking = dialogue.accounts().getFirst();

        // The first fetch, right after the authentication: the user is present, so that the bank does not
        // count each page against the day's unattended accesses.
        Called<List<Transaction>> fetched = dialogue.call(true, ctx -> dialogue.connector().transactions(ctx, checking,
                SINCE));

        List<Transaction> transactions = ((Called.Returned<List<Transaction>>) fetched).value();
        List<RecordedRequest> pages = bank.simulator.requests(Endpoint.TRANSACTIONS);
        assertThat(pages).hasSizeGreaterThan(2);
        int entries = pages.stream().mapToInt(page -> count(page.responseBody())).sum();
        assertThat(transactions).hasSize(entries);
        assertThat(transactions).extracting(Transaction::externalId).doesNotHaveDuplicates();
    }

    @Test
    void entriesWithoutIdsGetIdsThatStayTheSameOnEveryFetch() {
        Dialogue dialogue = connected("no-ids");
        Account checking = dialogue.accounts().getFirst();
        dialogue.activate(checking);

        List<Transaction> first = dialogue.transactions(checking, SINCE);
        List<Transaction> again = dialogue.transactions(checking, SINCE);
        bank.advance(Duration.ofDays(1));
        List<Transaction> tomorrow = dialogue.transactions(checking, SINCE);

        assertThat(ids(first)).isNotEmpty().allMatch(id -> id.startsWith("xs2a-")).doesNotHaveDuplicates();
        assertThat(ids(again)).containsExactlyInAnyOrderElementsOf(ids(first));
        LocalDate settled = LocalDate.ofInstant(bank.clock.instant(), java.time.ZoneOffset.UTC).minusDays(4);
        List<String> booked = first.stream().filter(t -> !t.coming() && t.date().isBefore(settled))
                .map(Transaction::externalId).toList();
        assertThat(booked).isNotEmpty();
        assertThat(ids(tomorrow)).containsAll(booked);
    }

    @Test
    void cardEntriesAreDeferredCardOperations() {
        Dialogue dialogue = connected("redirect");
        Account card = dialogue.accounts().getLast();
        dialogue.activate(card);

        List<Transaction> transactions = dialogue.transactions(card, SINCE);

        assertThat(bank.simulator.hits(Endpoint.CARD_TRANSACTIONS)).isEqualTo(1);
        assertThat(transactions).isNotEmpty().allSatisfy(t -> {
            assertThat(t.type()).isEqualTo(TransactionType.DEFERRED_CARD);
            assertThat(t.card()).isEqualTo(card.number());
            assertThat(t.originalWording()).isNotBlank();
        });
    }

    private Dialogue connected(String psuId) {
        Dialogue dialogue = bank.webauth(null);
        dialogue.start();
        dialogue.followRedirect(bank.accepting(psuId));
        return dialogue;
    }

    private static BigDecimal balance(JsonNode account, String type) {
        return StreamSupport.stream(account.get("balances").spliterator(), false)
                .filter(b -> b.get("balanceType").asText().equals(type))
                .map(b -> new BigDecimal(b.get("balanceAmount").get("amount").asText())).findFirst().orElseThrow();
    }

    private static int count(String body) {
        try {
            JsonNode report = JSON.readTree(body).get("transactions");
            return report.path("booked").size() + report.path("pending").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> ids(List<Transaction> transactions) {
        return transactions.stream().map(Transaction::externalId).toList();
    }
}
