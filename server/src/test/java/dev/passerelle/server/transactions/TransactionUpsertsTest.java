package dev.passerelle.server.transactions;

import static dev.passerelle.server.ingestion.FakeBank.booked;
import static dev.passerelle.server.ingestion.FakeBank.checking;
import static dev.passerelle.server.ingestion.FakeBank.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.ingestion.BankFixtures;
import dev.passerelle.server.ingestion.FakeBankConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestDatabase;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.transactions.TransactionUpserts.Outcome;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingestion write path on the database of the run: JDBC batches on H2, COPY through a staging
 * table on PostgreSQL ({@code -Dpasserelle.test.db=postgres}), where both paths are also compared.
 */
@IntegrationTest
@Import(FakeBankConfig.class)
class TransactionUpsertsTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 3, 1);

    /** Wordings that break naive COPY or CSV encoding: each must come back exactly. */
    private static final List<String> NASTY = List.of("tab\there", "line\nbreak", "carriage\r\nreturn",
            "back\\slash", "\\N", "\\", "NULL", "", " ", "quote \" and 'apostrophe'", "semi;colon,comma|pipe",
            "\\t not a tab", "ends with backslash\\", "accents éàü €", "emoji \uD83D\uDCB8", "\u0001 control");

    @Autowired
    TransactionUpserts upserts;
    @Autowired
    BankFixtures fixtures;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;

    long account;
    long otherAccount;
    Instant now = Instant.parse("2024-03-20T10:00:00Z");

    @BeforeEach
    void twoAccounts() {
        OpenSource source = fixtures.newSource(users.permanent().id());
        fixtures.script(source).accounts.addAll(List.of(checking("A1", "1"), checking("A2", "2")));
        fixtures.sync(source);
        account = fixtures.accountIds(source).get(0);
        otherAccount = fixtures.accountIds(source).get(1);
    }

    @Test
    void whenTheDatabaseIsPostgresThenRowsGoThroughCopyElseThroughBatches() {
        assertThat(TransactionUpserts.on(dataSource).writes).isInstanceOf(
                TestDatabase.isPostgres() ? CopyTransactionWrites.class : BatchedTransactionWrites.class);
    }

    @Test
    void whenTheSameFetchIsUpsertedTwiceThenTheSecondChangesNothing() {
        List<Transaction> fetch = history(50);
        assertThat(upsert(fetch)).isEqualTo(new Outcome(50, 0, 0));
        List<Map<String, Object>> before = rows(account);
        later();

        assertThat(upsert(fetch)).isEqualTo(new Outcome(0, 0, 0));
        assertThat(rows(account)).isEqualTo(before);
    }

    @Test
    void whenARepeatedExternalIdIsFetchedThenTheLastOneCounts() {
        Outcome outcome = upsert(List.of(booked("T1", SINCE, "-1"), booked("T1", SINCE, "-2")));

        assertThat(outcome).isEqualTo(new Outcome(1, 0, 0));
        assertThat(rows(account)).singleElement()
                .satisfies(row -> assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("-2"));
    }

    @Test
    void whenAComingTransactionIsBookedThenTheSameRowIsUpdatedAndKeepsItsScrapingDate() {
        upsert(List.of(transaction("T1", SINCE, "-10", "CB SHOP", true), booked("T2", SINCE, "-5")));
        Map<String, Object> coming = rows(account).getFirst();
        later();

        Outcome outcome = upsert(List.of(transaction("T1", SINCE.plusDays(1), "-10.40", "CB SHOP 12/03", false),
                booked("T2", SINCE, "-5.00")));

        assertThat(outcome).isEqualTo(new Outcome(0, 1, 0));
        Map<String, Object> booked = rows(account).getFirst();
        assertThat(booked.get("id")).isEqualTo(coming.get("id"));
        assertThat(booked.get("coming")).isEqualTo(false);
        assertThat(booked.get("tx_date")).isEqualTo(Date.valueOf(SINCE.plusDays(1)));
        assertThat((BigDecimal) booked.get("amount")).isEqualByComparingTo("-10.40");
        assertThat(booked.get("wording")).isEqualTo("CB SHOP 12/03");
        assertThat(booked.get("date_scraped")).isEqualTo(coming.get("date_scraped"));
        assertThat(booked.get("last_update")).isNotEqualTo(coming.get("last_update"));
    }

    @Test
    void whenTheBankChangesAWordingThenTheUsersOwnWordingSurvivesAndTheBanksOneFollows() {
        upsert(List.of(transaction("T1", SINCE, "-1", "PRLV EDF", false), transaction("T2", SINCE, "-2", "CB", false)));
        jdbc.sql("UPDATE bank_transaction SET wording = 'Electricity' WHERE id_account = :a AND external_id = 'T1'")
                .param("a", account).update();
        later();

        Outcome outcome = upsert(List.of(transaction("T1", SINCE, "-1", "PRLV SEPA EDF", false),
                transaction("T2", SINCE, "-2", "CB SHOP", false)));

        assertThat(outcome).isEqualTo(new Outcome(0, 2, 0));
        assertThat(rows(account)).extracting(r -> r.get("original_wording"), r -> r.get("wording")).containsExactly(
                tuple("PRLV SEPA EDF", "Electricity"),
                tuple("CB SHOP", "CB SHOP"));
    }

    @Test
    void whenTheUserMovedAnApplicationDateThenASyncKeepsItAndKeepsTheBanksOneAside() {
        upsert(List.of(applied("T1", SINCE), applied("T2", SINCE)));
        moveApplicationDate("T1", SINCE.plusDays(5));
        later();

        assertThat(upsert(List.of(applied("T1", SINCE), applied("T2", SINCE))))
                .as("the user's date is no change of the bank's").isEqualTo(new Outcome(0, 0, 0));
        Outcome outcome = upsert(List.of(applied("T1", SINCE.plusDays(1)), applied("T2", SINCE.plusDays(1))));

        assertThat(outcome).isEqualTo(new Outcome(0, 2, 0));
        assertThat(rows(account)).extracting(r -> r.get("application_date"), r -> r.get("bank_application_date"))
                .containsExactly(
                        tuple(Date.valueOf(SINCE.plusDays(5)), Date.valueOf(SINCE.plusDays(1))),
                        tuple(Date.valueOf(SINCE.plusDays(1)), null));
    }

    @Test
    void whenATransactionVanishesThenItIsFlaggedAndUnflaggedWhenItReappears() {
        Transaction old = booked("T0", SINCE.minusDays(10), "-3");
        Transaction kept = booked("T1", SINCE, "-1");
        Transaction vanishing = booked("T2", SINCE.plusDays(2), "-2");
        upsert(List.of(old, kept, vanishing));
        later();

        assertThat(upsert(List.of(kept))).isEqualTo(new Outcome(0, 0, 1));
        assertThat(rows(account)).extracting(r -> r.get("external_id"), r -> r.get("deleted") != null)
                .containsExactly(tuple("T0", false),
                        tuple("T1", false),
                        tuple("T2", true));
        later();

        assertThat(upsert(List.of(kept, vanishing))).isEqualTo(new Outcome(0, 1, 0));
        assertThat(rows(account)).allSatisfy(r -> assertThat(r.get("deleted")).isNull());
    }

    @Test
    void whenWordingsHoldTabsNewlinesBackslashesOrNullsThenTheyAreStoredExactly() {
        List<Transaction> fetch = IntStream.range(0, NASTY.size()).mapToObj(i -> nasty("N" + (char) ('a' + i),
                NASTY.get(i))).toList();

        upsert(fetch);

        assertThat(rows(account)).extracting(r -> r.get("original_wording"), r -> r.get("simplified_wording"),
                        r -> r.get("wording"), r -> r.get("counterparty_label"))
                .containsExactlyElementsOf(fetch.stream().map(t -> tuple(
                        t.originalWording(), t.simplifiedWording(), t.originalWording(), t.counterparty().label()))
                        .toList());
        later();
        assertThat(upsert(fetch)).isEqualTo(new Outcome(0, 0, 0));
    }

    @Test
    void whenTwoAccountsAreUpsertedInOneTransactionThenEachGetsOnlyItsOwnOperations() {
        List<Outcome> outcomes = transactions.execute(status -> List.of(
                upserts.upsert(account, SINCE, List.of(booked("T1", SINCE, "-1"), booked("T2", SINCE, "-2")), now),
                upserts.upsert(otherAccount, SINCE, List.of(booked("T3", SINCE, "-3")), now)));

        assertThat(outcomes).containsExactly(new Outcome(2, 0, 0), new Outcome(1, 0, 0));
        assertThat(rows(account)).extracting(r -> r.get("external_id")).containsExactly("T1", "T2");
        assertThat(rows(otherAccount)).extracting(r -> r.get("external_id")).containsExactly("T3");
    }

    @Test
    @Tag("postgres")
    void whenCopyAndBatchesWriteTheSameFetchesThenTheyStoreTheSameRows() {
        assumeTrue(TestDatabase.isPostgres(), "the COPY path exists on PostgreSQL only");
        TransactionWrites copy = new CopyTransactionWrites(dataSource, jdbc);
        TransactionWrites batches = new BatchedTransactionWrites(jdbc, new NamedParameterJdbcTemplate(dataSource));
        List<Transaction> first = new ArrayList<>(history(30));
        IntStream.range(0, NASTY.size()).forEach(i -> first.add(nasty("N" + i, NASTY.get(i))));
        first.add(transaction("C1", SINCE.plusDays(3), "-7", "coming", true));
        List<Transaction> second = new ArrayList<>(first.subList(1, first.size()));
        second.set(0, booked(second.getFirst().externalId(), SINCE, "99.99"));
        second.set(second.size() - 1, transaction("C1", SINCE.plusDays(4), "-7.5", "booked", false));
        second.add(nasty("NEW", "new\tone"));

        for (List<Transaction> fetch : List.of(first, second, first)) {
            assertThat(upsertWith(copy, account, fetch)).isEqualTo(upsertWith(batches, otherAccount, fetch));
            later();
            moveApplicationDate(fetch.get(2).externalId(), SINCE.plusDays(40));
        }

        assertThat(rowsWithoutIds(account)).isEqualTo(rowsWithoutIds(otherAccount)).hasSize(first.size() + 1);
    }

    @Test
    @Tag("postgres")
    void whenTwoWritesOfANewAccountRunAtOnceThenBothStoreTheirRowsAndNoneFails() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the first write's straight COPY exists on PostgreSQL only");
        List<Transaction> sync = history(40);
        List<Transaction> activation = history(60).subList(20, 60);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            List<Future<Outcome>> outcomes = writers.invokeAll(List.of(sync, activation).stream()
                    .map(fetch -> (Callable<Outcome>) () -> {
                        ready.countDown();
                        ready.await();
                        return upserts.upsert(account, SINCE, fetch, now);
                    }).toList());
            int inserted = 0;
            for (Future<Outcome> outcome : outcomes) {
                inserted += outcome.get().inserted();
            }

            assertThat(inserted).isEqualTo(60);
            assertThat(rows(account)).hasSize(60);
        } finally {
            writers.shutdownNow();
        }
    }

    /** What a user's edit of the application date does to the rows of both accounts (TransactionEdit). */
    private void moveApplicationDate(String externalId, LocalDate day) {
        jdbc.sql("UPDATE bank_transaction SET bank_application_date = COALESCE(bank_application_date, application_date),"
                        + " application_date = :day WHERE external_id = :id")
                .param("day", day).param("id", externalId).update();
    }

    private static Transaction applied(String externalId, LocalDate applicationDate) {
        return Transaction.builder().externalId(externalId).date(SINCE).applicationDate(applicationDate)
                .value(new BigDecimal("-4")).type(TransactionType.CARD).originalWording("CB " + externalId).build();
    }

    private Outcome upsert(List<Transaction> fetch) {
        return upserts.upsert(account, SINCE, fetch, now);
    }

    private Outcome upsertWith(TransactionWrites writes, long accountId, List<Transaction> fetch) {
        return transactions.execute(status -> new TransactionUpserts(jdbc, writes).upsert(accountId, SINCE, fetch, now));
    }

    private void later() {
        now = now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<Transaction> history(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> booked("T" + (1000 + i), SINCE.plusDays(i % 20), BigDecimal.valueOf(-i - 1, 2).toString()))
                .toList();
    }

    private static Transaction nasty(String externalId, String wording) {
        return Transaction.builder().externalId(externalId).date(SINCE).applicationDate(SINCE.minusDays(1))
                .rdate(SINCE.minusDays(2)).value(new BigDecimal("-12.345")).type(TransactionType.TRANSFER)
                .originalWording(wording).simplifiedWording(wording.isEmpty() ? null : wording + "!")
                .originalValue(new BigDecimal("-13")).originalCurrency("USD").card("XXXX1234")
                .counterparty(Counterparty.builder().label(wording).scheme(Counterparty.Scheme.IBAN)
                        .identification("FR7630006000011234567890189").role(Counterparty.Role.CREDITOR).build())
                .build();
    }

    private List<Map<String, Object>> rows(long accountId) {
        return jdbc.sql("SELECT * FROM bank_transaction WHERE id_account = :a ORDER BY external_id")
                .param("a", accountId).query().listOfRows();
    }

    private List<Map<String, Object>> rowsWithoutIds(long accountId) {
        List<Map<String, Object>> rows = rows(accountId);
        rows.forEach(row -> {
            row.remove("id");
            row.remove("id_account");
        });
        return rows;
    }
}
