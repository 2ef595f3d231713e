package dev.passerelle.server.ingestion;

import static dev.passerelle.server.ingestion.FakeBank.account;
import static dev.passerelle.server.ingestion.FakeBank.booked;
import static dev.passerelle.server.ingestion.FakeBank.checking;
import static dev.passerelle.server.ingestion.FakeBank.document;
import static dev.passerelle.server.ingestion.FakeBank.subscription;
import static dev.passerelle.server.ingestion.FakeBank.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Transaction;
import dev.passerelle.server.accounts.AccountRow;
import dev.passerelle.server.accounts.AccountStore;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.connections.SourceReady;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.consent.DiscoveredRows;
import dev.passerelle.server.documents.SubscriptionStore;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestUsers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@Import(FakeBankConfig.class)
class DataIngestionTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DataIngestion ingestion;
    @Autowired
    BankFixtures fixtures;
    @Autowired
    TestUsers users;
    @Autowired
    AccountStore accounts;
    @Autowired
    SubscriptionStore subscriptions;
    @Autowired
    DiscoveredRows discovered;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    OpenSource source;
    FakeBank.Script bank;
    LocalDate today;

    @BeforeEach
    void newConnection() {
        source = fixtures.newSource(users.permanent().id());
        bank = fixtures.script(source);
        today = LocalDate.now(clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sourceReadyDiscoversAccountsDisabledAndFetchesNoTransaction() {
        bank.accounts.add(checking("A1", "100"));
        bank.transactions("A1", List.of(booked("T1", today, "-10")));

        events.publishEvent(new SourceReady(source.userId(), source.connectionId(), source.sourceId()));

        List<AccountRow> stored = accountsOfSource();
        assertThat(stored).singleElement().satisfies(a -> {
            assertThat(a.externalId()).isEqualTo("A1");
            assertThat(a.disabled()).isNotNull();
        });
        assertThat(bank.transactionFetches).isEmpty();
        assertThat(transactionCount(stored.getFirst().id())).isZero();
    }

    @Test
    void reingestionRefreshesKnownAccountsInPlace() {
        bank.accounts.add(checking("A1", "100"));
        ingestion.ingest(source);
        long id = accountsOfSource().getFirst().id();
        bank.accounts.set(0, checking("A1", "250.5"));
        clock.advance(Duration.ofMinutes(5));

        ingestion.ingest(source);

        AccountRow refreshed = accountsOfSource().getFirst();
        assertThat(accountsOfSource()).hasSize(1);
        assertThat(refreshed.id()).isEqualTo(id);
        assertThat(refreshed.balance()).isEqualByComparingTo("250.5");
        assertThat(refreshed.lastUpdate()).isAfter(refreshed.created());
    }

    @Test
    void accountNoLongerListedGetsDeletedAndComesBackWhenListedAgain() {
        bank.accounts.addAll(List.of(checking("A1", "1"), checking("A2", "2")));
        ingestion.ingest(source);

        bank.accounts.removeLast();
        ingestion.ingest(source);
        assertThat(accountsOfSource()).extracting(AccountRow::externalId, a -> a.deleted() != null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A1", false), org.assertj.core.groups.Tuple.tuple("A2", true));

        bank.accounts.add(checking("A2", "2"));
        ingestion.ingest(source);
        assertThat(accountsOfSource()).allSatisfy(a -> assertThat(a.deleted()).isNull());
    }

    @Test
    void newAccountsListedAmongKnownOnesAreEachStoredUnderTheirOwnExternalId() {
        bank.accounts.add(checking("A2", "2"));
        ingestion.ingest(source);
        bank.accounts.clear();
        bank.accounts.addAll(List.of(account("C1", AccountType.CARD, "-10", "EUR", "A3"), checking("A1", "1"),
                checking("A2", "20"), account("C3", AccountType.CARD, "-30", "EUR", "A1"), checking("A3", "3")));

        ingestion.ingest(source);

        Map<String, AccountRow> byExternalId = byExternalId();
        assertThat(byExternalId).hasSize(5);
        assertThat(byExternalId.get("A2").balance()).isEqualByComparingTo("20");
        assertThat(byExternalId.get("C1").balance()).isEqualByComparingTo("-10");
        assertThat(byExternalId.get("C1").idParent()).isEqualTo(byExternalId.get("A3").id());
        assertThat(byExternalId.get("C3").idParent()).isEqualTo(byExternalId.get("A1").id());
    }

    @Test
    void anAccountListedTwiceIsStoredOnceWithItsLaterListing() {
        bank.accounts.addAll(List.of(checking("A1", "1"), checking("A2", "2"), checking("A1", "11")));

        ingestion.ingest(source);

        assertThat(accountsOfSource()).extracting(AccountRow::externalId).containsExactly("A1", "A2");
        assertThat(byExternalId().get("A1").balance()).isEqualByComparingTo("11");
    }

    @Test
    void cardIsLinkedToItsParentAccount() {
        bank.accounts.addAll(List.of(account("C1", AccountType.CARD, "-30", "EUR", "A1"), checking("A1", "100")));

        ingestion.ingest(source);

        Map<String, AccountRow> byExternalId = byExternalId();
        assertThat(byExternalId.get("C1").idParent()).isEqualTo(byExternalId.get("A1").id());
        assertThat(byExternalId.get("A1").idParent()).isNull();
    }

    @Test
    void cardTheInstitutionNoLongerLinksLosesItsParent() {
        bank.accounts.addAll(List.of(checking("A1", "100"), account("C1", AccountType.CARD, "-30", "EUR", "A1")));
        ingestion.ingest(source);
        bank.accounts.set(1, account("C1", AccountType.CARD, "-30", "EUR", null));

        ingestion.ingest(source);

        assertThat(byExternalId().get("C1").idParent()).isNull();
    }

    @Test
    void userRenamingSurvivesReingestion() {
        bank.accounts.add(checking("A1", "1"));
        ingestion.ingest(source);
        AccountRow account = accountsOfSource().getFirst();
        accounts.edit(account.id(), null, "Household", null, null);

        ingestion.ingest(source);

        assertThat(accounts.byId(account.id()).orElseThrow().name()).isEqualTo("Household");
    }

    @Test
    void onlyEnabledAccountsGetTransactions() {
        bank.accounts.addAll(List.of(checking("A1", "1"), checking("A2", "2")));
        bank.transactions("A1", List.of(booked("T1", today, "-10")));
        bank.transactions("A2", List.of(booked("T2", today, "-20")));
        ingestion.ingest(source);
        enable(byExternalId().get("A1"));

        ingestion.ingest(source);

        assertThat(bank.transactionFetches).extracting(Map.Entry::getKey).containsExactly("A1");
        assertThat(transactionCount(byExternalId().get("A1").id())).isEqualTo(1);
        assertThat(transactionCount(byExternalId().get("A2").id())).isZero();
    }

    @Test
    void reingestingTheSameTransactionsChangesNothing() {
        AccountRow account = enabledAccountWith(List.of(booked("T1", today.minusDays(3), "-10"),
                booked("T2", today.minusDays(1), "25.5")));
        List<Map<String, Object>> before = transactionRows(account.id());
        clock.advance(Duration.ofHours(1));

        ingestion.ingest(source);

        assertThat(transactionRows(account.id())).isEqualTo(before);
    }

    @Test
    void comingTransactionBecomingBookedUpdatesTheSameRow() {
        AccountRow account = enabledAccountWith(List.of(transaction("T1", today, "-10", "CB SHOP", true)));
        Map<String, Object> coming = transactionRows(account.id()).getFirst();
        clock.advance(Duration.ofHours(1));
        bank.transactions("A1", List.of(transaction("T1", today, "-10.40", "CB SHOP 12/03", false)));

        ingestion.ingest(source);

        List<Map<String, Object>> rows = transactionRows(account.id());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("id")).isEqualTo(coming.get("id"));
            assertThat(row.get("coming")).isEqualTo(false);
            assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("-10.40");
            assertThat(row.get("wording")).isEqualTo("CB SHOP 12/03");
            assertThat(row.get("last_update")).isNotEqualTo(coming.get("last_update"));
        });
    }

    @Test
    void firstFetchGoesMonthsToFetchBackAndTheNextResumesBeforeTheLastBookedDate() {
        LocalDate lastBooked = today.minusDays(2);
        enabledAccountWith(List.of(booked("T1", lastBooked, "-10")));

        ingestion.ingest(source);

        assertThat(bank.transactionFetches).extracting(Map.Entry::getValue).containsExactly(
                today.minus(Period.ofMonths(FakeBank.MONTHS_TO_FETCH)),
                lastBooked.minusDays(DataIngestion.OVERLAP_DAYS));
    }

    @Test
    void transactionGoneFromTheFetchedPeriodIsMarkedDeleted() {
        AccountRow account = enabledAccountWith(List.of(booked("T1", today.minusDays(1), "-10"),
                transaction("T2", today, "-5", "PENDING", true)));
        bank.transactions("A1", List.of(booked("T1", today.minusDays(1), "-10")));

        ingestion.ingest(source);

        assertThat(jdbc.sql("SELECT external_id FROM bank_transaction WHERE id_account = :a AND deleted IS NOT NULL")
                .param("a", account.id()).query(String.class).list()).containsExactly("T2");
    }

    @Test
    void sixMonthsOfTransactionsAreStoredInOneIngestion() {
        List<Transaction> history = IntStream.range(0, 1500)
                .mapToObj(i -> booked("T" + i, today.minusDays(i % 180), "-" + (i + 1))).toList();

        AccountRow account = enabledAccountWith(history);

        assertThat(transactionCount(account.id())).isEqualTo(1500);
    }

    @Test
    void connectorFailureOnOneAccountSetsItsErrorAndOthersAreStillFetched() {
        bank.accounts.addAll(List.of(checking("A1", "1"), checking("A2", "2")));
        bank.transactions("A2", List.of(booked("T2", today, "-20")));
        bank.transactionFailures.put("A1", FailureReason.WEBSITE_UNAVAILABLE);
        ingestion.ingest(source);
        byExternalId().values().forEach(this::enable);

        ingestion.ingest(source);

        assertThat(byExternalId().get("A1").error()).isEqualTo("websiteUnavailable");
        assertThat(byExternalId().get("A2").error()).isNull();
        assertThat(transactionCount(byExternalId().get("A2").id())).isEqualTo(1);
    }

    @Test
    void accountErrorIsClearedByTheNextSuccessfulFetch() {
        bank.accounts.add(checking("A1", "1"));
        bank.transactionFailures.put("A1", FailureReason.BUG);
        ingestion.ingest(source);
        enable(byExternalId().get("A1"));
        ingestion.ingest(source);
        assertThat(byExternalId().get("A1").error()).isEqualTo("bug");

        bank.transactionFailures.clear();
        ingestion.ingest(source);

        assertThat(byExternalId().get("A1").error()).isNull();
    }

    @Test
    void failingAccountListSetsTheErrorOfKnownAccountsWithoutThrowing() {
        bank.accounts.add(checking("A1", "1"));
        ingestion.ingest(source);
        bank.accountsFailure = FailureReason.ACTION_NEEDED;

        ingestion.ingest(source);

        assertThat(accountsOfSource()).singleElement().satisfies(a -> {
            assertThat(a.error()).isEqualTo("actionNeeded");
            assertThat(a.deleted()).isNull();
        });
    }

    @Test
    void subscriptionsArriveDisabledAndOnlyEnabledOnesGetDocuments() {
        bank.subscriptions.addAll(List.of(subscription("S1"), subscription("S2")));
        bank.documents.put("S1", List.of(document("D1", today)));
        bank.documents.put("S2", List.of(document("D2", today)));
        ingestion.ingest(source);
        var listed = subscriptions.list(new DiscoveredRows.Visible(source.userId(), source.connectionId(), true));
        assertThat(listed).allSatisfy(s -> assertThat(s.disabled()).isNotNull());
        assertThat(bank.documentFetches).isEmpty();
        long s1 = listed.stream().filter(s -> s.externalId().equals("S1")).findFirst().orElseThrow().id();
        discovered.setDisabled(Kind.SUBSCRIPTION, s1, null);

        ingestion.ingest(source);
        ingestion.ingest(source);

        assertThat(bank.documentFetches).containsOnly("S1");
        assertThat(bank.fileFetches).as("a document's file is asked once, when it is new").containsExactly("D1");
        assertThat(jdbc.sql("SELECT d.external_id FROM document d JOIN subscription s ON s.id = d.id_subscription"
                        + " WHERE s.id_connection = :c").param("c", source.connectionId()).query(String.class).list())
                .containsExactly("D1");
    }

    @Test
    void fetchingAnAccountsDataOpensTheSourceAndFetchesOnlyAnEnabledAccount() {
        bank.accounts.add(checking("A1", "1"));
        bank.transactions("A1", List.of(booked("T1", today, "-10")));
        ingestion.ingest(source);
        AccountRow account = accountsOfSource().getFirst();

        ingestion.fetch(Kind.ACCOUNT, account.id());
        assertThat(transactionCount(account.id())).isZero();

        enable(account);
        ingestion.fetch(Kind.ACCOUNT, account.id());
        assertThat(transactionCount(account.id())).isEqualTo(1);
    }

    private AccountRow enabledAccountWith(List<Transaction> transactions) {
        bank.accounts.add(checking("A1", "100"));
        bank.transactions("A1", transactions);
        ingestion.ingest(source);
        AccountRow account = accountsOfSource().getFirst();
        enable(account);
        ingestion.ingest(source);
        return account;
    }

    private void enable(AccountRow account) {
        discovered.setDisabled(Kind.ACCOUNT, account.id(), null);
    }

    private List<AccountRow> accountsOfSource() {
        return accounts.list(new DiscoveredRows.Visible(source.userId(), source.connectionId(), true));
    }

    private Map<String, AccountRow> byExternalId() {
        return accountsOfSource().stream().collect(java.util.stream.Collectors.toMap(AccountRow::externalId, a -> a));
    }

    private long transactionCount(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM bank_transaction WHERE id_account = :a").param("a", accountId)
                .query(Long.class).single();
    }

    private List<Map<String, Object>> transactionRows(long accountId) {
        return jdbc.sql("SELECT * FROM bank_transaction WHERE id_account = :a ORDER BY id").param("a", accountId)
                .query().listOfRows();
    }
}
