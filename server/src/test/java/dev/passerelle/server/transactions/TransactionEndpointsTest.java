package dev.passerelle.server.transactions;

import static dev.passerelle.server.ingestion.FakeBank.booked;
import static dev.passerelle.server.ingestion.FakeBank.checking;
import static dev.passerelle.server.ingestion.FakeBank.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.Transaction;
import dev.passerelle.connector.TransactionType;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.consent.DiscoveredRows;
import dev.passerelle.server.ingestion.BankFixtures;
import dev.passerelle.server.ingestion.FakeBankConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(FakeBankConfig.class)
class TransactionEndpointsTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    BankFixtures fixtures;
    @Autowired
    DiscoveredRows discovered;
    @Autowired
    TransactionUpserts upserts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser user;
    OpenSource source;
    long enabled;
    long disabled;

    @BeforeEach
    void oneEnabledAndOneDisabledAccount() {
        user = users.permanent();
        source = fixtures.newSource(user.id());
        fixtures.script(source).accounts.addAll(List.of(checking("A1", "1"), checking("A2", "2")));
        fixtures.sync(source);
        enabled = fixtures.accountIds(source).get(0);
        disabled = fixtures.accountIds(source).get(1);
        discovered.setDisabled(DiscoveredRows.Kind.ACCOUNT, enabled, null);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void withoutLimitAPageHoldsAThousandTransactions() {
        store(enabled, IntStream.range(0, 1001).mapToObj(i -> booked("T" + i, LONG_AGO.plusDays(i), "-1")).toList());

        JsonNode page = get("/users/me/transactions");

        assertThat(page.get("transactions")).hasSize(1000);
        assertThat(page.get("total").asInt()).isEqualTo(1001);
        assertThat(page.get("_links").get("next").get("href").asString()).isEqualTo("/2.0/users/me/transactions?offset=1000");
    }

    /** {@code WholeAnswers}: a page of 50 goes out in one write, a page of 1,000 as it is written. */
    @Test
    void aPageOfFiftyIsSentWholeWithItsLengthAndAPageOfAThousandInChunks() {
        store(enabled, IntStream.range(0, 1000).mapToObj(i -> booked("T" + i, LONG_AGO.plusDays(i), "-1")).toList());

        TestApi.RawResponse fifty = api.raw("GET /2.0/users/me/transactions?limit=50 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + user.token());
        TestApi.RawResponse thousand = api.raw("GET /2.0/users/me/transactions?limit=1000 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + user.token());

        int bytes = fifty.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("more than Tomcat's default 8 KB buffer").isGreaterThan(8 * 1024);
        assertThat(fifty.header("Content-Length")).isEqualTo(String.valueOf(bytes));
        assertThat(fifty.header("Transfer-Encoding")).isNull();
        assertThat(fifty.json().get("transactions")).hasSize(50);
        assertThat(thousand.status()).isEqualTo(200);
        assertThat(thousand.header("Transfer-Encoding")).isEqualTo("chunked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001", "0", "-1", "ten"})
    void limitOutsideOneToAThousandIsAnInvalidValue(String limit) {
        TestApi.Response response = api.get("/users/me/transactions?limit=" + limit).bearer(user.token()).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(response.json().get("description").asString()).contains("limit");
        assertThat(response.json().get("request_id").asString()).isNotBlank();
    }

    @Test
    void offsetPastTheEndIsAnEmptyPage() {
        store(enabled, List.of(booked("T1", LONG_AGO, "-1")));

        JsonNode page = get("/users/me/transactions?offset=5");

        assertThat(page.get("transactions")).isEmpty();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("result_min_date").asString()).isEqualTo(page.get("first_date").asString());
        assertThat(page.get("result_max_date").asString()).isEqualTo(page.get("last_date").asString());
        assertThat(page.get("_links").get("next").isNull()).isTrue();
    }

    @Test
    void filtersMatchingNothingReportTheWindowAskedFor() {
        store(enabled, List.of(booked("T1", LONG_AGO, "-1")));

        JsonNode page = get("/users/me/transactions?min_date=2010-03&max_date=2011");

        assertThat(page.get("transactions")).isEmpty();
        assertThat(page.get("first_date").asString()).isEqualTo("2000-01-01");
        assertThat(page.get("result_min_date").asString()).isEqualTo("2010-03-01");
        assertThat(page.get("result_max_date").asString()).isEqualTo("2011-12-31");
    }

    @Test
    void anEmptyScopeIsBoundedByTodayInTheApiZone() {
        clock.advance(Duration.ofDays(400));
        String today = clock.instant().atZone(ZoneId.of("Europe/Paris")).toLocalDate().toString();

        JsonNode page = get("/users/me/transactions");

        assertThat(List.of(page.get("first_date").asString(), page.get("last_date").asString(),
                page.get("result_min_date").asString(), page.get("result_max_date").asString()))
                .containsOnly(today);
    }

    @Test
    void nextLinkIsPresentExactlyWhileRowsRemain() {
        store(enabled, IntStream.range(0, 5).mapToObj(i -> booked("T" + i, LONG_AGO.plusDays(i), "-1")).toList());

        JsonNode first = get("/users/me/transactions?limit=2&min_date=2000");
        JsonNode second = follow(first.get("_links").get("next").get("href").asString());
        JsonNode last = follow(second.get("_links").get("next").get("href").asString());

        assertThat(first.get("_links").get("self").get("href").asString()).isEqualTo("/2.0/users/me/transactions?limit=2&min_date=2000");
        assertThat(first.get("_links").get("prev").isNull()).isTrue();
        assertThat(second.get("_links").get("self").get("href").asString())
                .isEqualTo("/2.0/users/me/transactions?limit=2&min_date=2000&offset=2");
        assertThat(last.get("transactions")).hasSize(1);
        assertThat(last.get("_links").get("next").isNull()).isTrue();
        assertThat(last.get("_links").get("prev").get("href").asString())
                .isEqualTo("/2.0/users/me/transactions?limit=2&min_date=2000&offset=2");
        assertThat(get("/users/me/transactions?limit=5").get("_links").get("next").isNull()).isTrue();
    }

    @Test
    void transactionsComeNewestFirstThenByIdDescending() {
        store(enabled, List.of(booked("T1", LONG_AGO, "-1"), booked("T2", LONG_AGO.plusDays(2), "-1"),
                booked("T3", LONG_AGO.plusDays(2), "-1")));

        JsonNode page = get("/users/me/transactions");

        assertThat(page.get("transactions")).extracting(t -> t.get("original_wording").asString())
                .containsExactly("Operation T3", "Operation T2", "Operation T1");
        assertThat(page.get("first_date").asString()).isEqualTo("2000-01-01");
        assertThat(page.get("last_date").asString()).isEqualTo("2000-01-03");
    }

    static Stream<Arguments> dateBounds() {
        return Stream.of(
                Arguments.of("min_date=2024-03-01&max_date=2024-03-31", List.of("mar31", "mar15", "mar01")),
                Arguments.of("min_date=2024-03&max_date=2024-03", List.of("mar31", "mar15", "mar01")),
                Arguments.of("min_date=2024&max_date=2024", List.of("apr01", "mar31", "mar15", "mar01", "feb29")),
                Arguments.of("min_date=2024-03-15T10:00:00Z", List.of("jan01", "apr01", "mar31", "mar15")),
                Arguments.of("max_date=2024-03-01T00:30:00%2B01:00", List.of("mar01", "feb29", "dec31")),
                Arguments.of("max_date=2024-03-01T00:30:00+01:00", List.of("mar01", "feb29", "dec31")),
                // 23:30 UTC is already the next day in Paris, the API's zone.
                Arguments.of("min_date=2024-03-31T23:30:00Z", List.of("jan01", "apr01")),
                Arguments.of("min_date=2024-03-31%2010:00:00&max_date=2024-04-01", List.of("apr01", "mar31")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateBounds")
    void dateBoundsAcceptEveryDocumentedFormat(String query, List<String> expected) {
        storeCalendar();

        JsonNode page = get("/users/me/transactions?" + query);

        assertThat(page.get("transactions")).extracting(t -> t.get("original_wording").asString())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void resultDatesBoundThePageAndFirstLastDatesTheWholeScope() {
        storeCalendar();

        JsonNode page = get("/users/me/transactions?min_date=2024-03");

        assertThat(page.get("result_min_date").asString()).isEqualTo("2024-03-01");
        assertThat(page.get("result_max_date").asString()).isEqualTo("2025-01-01");
        assertThat(page.get("first_date").asString()).isEqualTo("2023-12-31");
        assertThat(page.get("last_date").asString()).isEqualTo("2025-01-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"min_date=2024-13", "min_date=yesterday", "max_date=2024-02-30", "last_update=2024-03-01T25:00:00Z",
            "filter=rdate", "income=maybe"})
    void badFilterValueIsAnInvalidValue(String query) {
        assertInvalidValue(query);
    }

    @Test
    void filterChoosesTheDateColumnTheBoundsApplyTo() {
        store(enabled, List.of(Transaction.builder().externalId("T1").date(LocalDate.of(2024, 3, 2))
                .applicationDate(LocalDate.of(2024, 2, 27)).value(new BigDecimal("-3")).type(TransactionType.CARD)
                .originalWording("CARD").build()));

        assertThat(get("/users/me/transactions?min_date=2024-03").get("total").asInt()).isZero();
        assertThat(get("/users/me/transactions?min_date=2024-03&filter=date").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void wordingKeepsTheTransactionsWhoseWordingHoldsTheTextWhateverItsCase() {
        storeShop();

        assertThat(wordings("/users/me/transactions?wording=carrefour")).containsExactly("CB CARREFOUR 12/03");
        assertThat(wordings("/users/me/transactions?wording=%20sepa%20")).containsExactly("VIR SEPA ACME");
        assertThat(get("/users/me/transactions?wording=CARREFOUR&limit=1").get("total").asInt()).isEqualTo(1);
        assertThat(wordings("/users/me/transactions?wording=nowhere")).isEmpty();
    }

    @Test
    void wordingTakesLikeWildcardsLiterally() {
        storeShop();

        assertThat(wordings("/users/me/transactions?wording=50%25")).containsExactly("REMISE 50% SOLDE_2");
        assertThat(wordings("/users/me/transactions?wording=E_2")).containsExactly("REMISE 50% SOLDE_2");
        assertThat(wordings("/users/me/transactions?wording=%25")).containsExactly("REMISE 50% SOLDE_2");
    }

    /**
     * Powens writes {@code value=12.50|-12.50}; Tomcat takes the {@code |} as sent (its relaxed query
     * characters), and the links repeat it percent-encoded, which a strict URI parser can follow.
     */
    @Test
    void aValueListSentWithABareBarIsReadAndItsLinksAreUris() {
        storeShop();

        TestApi.RawResponse raw = api.raw("GET /2.0/users/me/transactions?value=-12.50|1500&limit=1 HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + user.token());

        assertThat(raw.status()).as(raw.body()).isEqualTo(200);
        assertThat(raw.json().get("total").asInt()).isEqualTo(2);
        String next = raw.json().get("_links").get("next").get("href").asString();
        assertThat(next).isEqualTo("/2.0/users/me/transactions?value=-12.50%7C1500&limit=1&offset=1");
        assertThat(raw.json().get("_links").get("self").get("href").asString())
                .isEqualTo("/2.0/users/me/transactions?value=-12.50%7C1500&limit=1");
        assertThat(follow(next).get("transactions")).extracting(t -> t.get("original_wording").asString())
                .containsExactly("CB CARREFOUR 12/03");
    }

    @Test
    void minAndMaxValueBoundTheValueBothIncluded() {
        storeShop();

        assertThat(values("/users/me/transactions?min_value=-12.5&max_value=0.5")).containsExactly("-12.5", "0.5");
        assertThat(values("/users/me/transactions?min_value=-12,50")).containsExactly("-12.5", "0.5", "1500");
        assertThat(values("/users/me/transactions?max_value=-50")).containsExactly("-50");
        assertThat(values("/users/me/transactions?min_value=1&max_value=0")).isEmpty();
    }

    @Test
    void valueKeepsTheListedAmountsAndPlusMinusStandsForBothSigns() {
        storeShop();

        assertThat(values("/users/me/transactions?value=12.5")).isEmpty();
        assertThat(values("/users/me/transactions?value=-12.50%7C1500")).containsExactly("-12.5", "1500");
        assertThat(values("/users/me/transactions?value=%C2%B112.5")).containsExactly("-12.5");
        assertThat(values("/users/me/transactions?value=%C2%B10.5%7C%C2%B150")).containsExactly("-50", "0.5");
    }

    @Test
    void searchFindsALabelAnAmountOfEitherSignOrADate() {
        storeShop();

        assertThat(wordings("/users/me/transactions?search=acme")).containsExactly("VIR SEPA ACME");
        assertThat(wordings("/users/me/transactions?search=electricite")).containsExactly("PRLV EDF");
        assertThat(wordings("/users/me/transactions?search=Jane")).containsExactly("VIR SEPA ACME");
        assertThat(wordings("/users/me/transactions?search=12.5")).containsExactly("CB CARREFOUR 12/03");
        assertThat(wordings("/users/me/transactions?search=-1500")).containsExactly("VIR SEPA ACME");
        assertThat(wordings("/users/me/transactions?search=12/03")).containsExactly("CB CARREFOUR 12/03");
        assertThat(wordings("/users/me/transactions?search=2024-03-04")).containsExactly("PRLV EDF");
        assertThat(get("/users/me/transactions?search=sepa&income=false").get("total").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"min_value=NaN", "min_value=Infinity", "max_value=ten", "max_value=1e999999999",
            "min_value=1e-999999999", "value=1%7Cx", "value=1%7C", "value=%C2%B1-3", "value=-%C2%B13",
            "value=1&value=2", "wording=a&wording=b", "search=a&search=a", "min_value=1&min_value=2",
            "min_value=%D9%A1", "max_value=%EF%BC%91"})
    void anAmountThatIsNoDecimalOrASearchParameterGivenTwiceIsAnInvalidValueNamingIt(String query) {
        storeShop();

        assertThat(assertInvalidValue(query).get("description").asString())
                .startsWith("'" + query.substring(0, query.indexOf('=')) + "'");
    }

    @Test
    void searchTextsLongerThanAnyLabelAndValueListsLongerThanAHundredAreInvalidValues() {
        String tooLong = "a".repeat(TransactionSearch.MAX_TEXT + 1);
        String tooMany = String.join("%7C", Collections.nCopies(TransactionSearch.MAX_VALUES + 1, "1"));

        List.of("wording=" + tooLong, "search=" + tooLong, "value=" + tooMany).forEach(this::assertInvalidValue);
        assertThat(get("/users/me/transactions?wording=" + "a".repeat(TransactionSearch.MAX_TEXT)).get("total").asInt())
                .isZero();
    }

    @Test
    void lastUpdateKeepsRowsChangedAfterIt() {
        store(enabled, List.of(booked("T1", LONG_AGO, "-1"), booked("T2", LONG_AGO, "-2")));
        clock.advance(Duration.ofMinutes(10));
        Instant between = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        store(enabled, List.of(booked("T1", LONG_AGO, "-1"), booked("T2", LONG_AGO, "-2.5")));

        JsonNode page = get("/users/me/transactions?last_update=" + between);

        assertThat(page.get("transactions")).extracting(t -> t.get("original_wording").asString())
                .containsExactly("Operation T2");
    }

    @Test
    void incomeKeepsCreditsOrDebits() {
        store(enabled, List.of(booked("T1", LONG_AGO, "-1"), booked("T2", LONG_AGO, "1500")));

        assertThat(get("/users/me/transactions?income").get("transactions")).extracting(t -> t.get("value").asInt())
                .containsExactly(1500);
        assertThat(get("/users/me/transactions?income=false").get("transactions")).extracting(t -> t.get("value").asInt())
                .containsExactly(-1);
    }

    @Test
    void deletedTransactionsShowOnlyWhenAskedFor() {
        store(enabled, List.of(booked("T1", LONG_AGO, "-1"), booked("T2", LONG_AGO.plusDays(1), "-2")));
        upserts.upsert(enabled, LONG_AGO.plusDays(1), List.of(), clock.instant());

        assertThat(wordings("/users/me/transactions")).containsExactly("Operation T1");
        assertThat(wordings("/users/me/transactions?deleted")).containsExactly("Operation T2");
        assertThat(wordings("/users/me/transactions?all")).containsExactly("Operation T2", "Operation T1");
        assertThat(get("/users/me/transactions?deleted").get("transactions").get(0).get("deleted").isNull()).isFalse();
    }

    @Test
    void disabledAccountsTransactionsAreNeverListed() {
        store(disabled, List.of(booked("T1", LONG_AGO, "-1")));

        assertThat(get("/users/me/transactions?all").get("total").asInt()).isZero();
        assertThat(api.get("/users/me/accounts/" + disabled + "/transactions").bearer(user.token()).send().status())
                .isEqualTo(404);
    }

    @Test
    void listsNarrowToAnAccountOrAConnection() {
        OpenSource second = fixtures.newSource(user.id());
        fixtures.script(second).accounts.add(checking("B1", "1"));
        fixtures.sync(second);
        long other = fixtures.accountIds(second).getFirst();
        discovered.setDisabled(DiscoveredRows.Kind.ACCOUNT, other, null);
        store(enabled, List.of(booked("T1", LONG_AGO, "-1")));
        store(other, List.of(booked("T2", LONG_AGO, "-1")));

        assertThat(wordings("/users/me/accounts/" + other + "/transactions")).containsExactly("Operation T2");
        assertThat(wordings("/users/me/connections/" + source.connectionId() + "/transactions")).containsExactly("Operation T1");
        assertThat(wordings("/users/" + user.id() + "/transactions")).hasSize(2);
    }

    @Test
    void anotherUsersTransactionsAreNeverShown() {
        store(enabled, List.of(booked("T1", LONG_AGO, "-1")));
        long id = get("/users/me/transactions").get("transactions").get(0).get("id").asLong();
        TestUsers.TestUser other = users.permanent();

        assertThat(api.get("/users/me/transactions/" + id).bearer(other.token()).send().status()).isEqualTo(404);
        assertThat(api.get("/users/me/accounts/" + enabled + "/transactions").bearer(other.token()).send().status()).isEqualTo(404);
        assertThat(api.get("/users/me/connections/" + source.connectionId() + "/transactions").bearer(other.token()).send()
                .status()).isEqualTo(404);
        assertThat(api.get("/users/me/transactions").bearer(other.token()).send().json().get("total").asInt()).isZero();
        assertThat(api.get("/users/" + user.id() + "/transactions").bearer(other.token()).send().status()).isEqualTo(403);
    }

    @Test
    void transactionHasTheProtocolShape() {
        store(enabled, List.of(Transaction.builder().externalId("T1").date(LocalDate.of(2024, 3, 2))
                .vdate(LocalDate.of(2024, 3, 3)).value(new BigDecimal("-12.30")).type(TransactionType.TRANSFER)
                .originalWording("VIR SEPA ACME").simplifiedWording("ACME").originalValue(new BigDecimal("-13.5"))
                .originalCurrency("USD").counterparty(Counterparty.builder().label("ACME").scheme(Counterparty.Scheme.IBAN)
                        .identification("FR7630001007941234567890185").role(Counterparty.Role.CREDITOR).build())
                .build()));
        long id = get("/users/me/transactions").get("transactions").get(0).get("id").asLong();

        JsonNode t = get("/users/me/transactions/" + id);

        assertThat(t.get("id_account").asLong()).isEqualTo(enabled);
        assertThat(t.get("date").asString()).isEqualTo("2024-03-02");
        assertThat(t.get("application_date").asString()).isEqualTo("2024-03-02");
        assertThat(t.get("rdate").asString()).isEqualTo("2024-03-02");
        assertThat(t.get("vdate").asString()).isEqualTo("2024-03-03");
        assertThat(t.get("value").decimalValue()).isEqualByComparingTo("-12.3");
        assertThat(t.get("gross_value").decimalValue()).isEqualByComparingTo("-12.3");
        assertThat(t.get("type").asString()).isEqualTo("transfer");
        assertThat(t.get("wording").asString()).isEqualTo("VIR SEPA ACME");
        assertThat(t.get("simplified_wording").asString()).isEqualTo("ACME");
        assertThat(t.get("coming").asBoolean()).isFalse();
        assertThat(t.get("active").asBoolean()).isTrue();
        assertThat(t.get("original_currency").asString()).isEqualTo("USD");
        assertThat(t.get("counterparty").get("account_scheme_name").asString()).isEqualTo("iban");
        assertThat(t.get("counterparty").get("type").asString()).isEqualTo("creditor");
        assertThat(t.get("categories").isArray()).isTrue();
        assertThat(t.get("date_scraped").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(t.get("deleted").isNull()).isTrue();
    }

    @Test
    void anEditChangesTheMetadataAndMarksTheTransactionUpdated() {
        long id = storeOne();
        JsonNode before = get("/users/me/transactions/" + id);
        clock.advance(Duration.ofMinutes(5));

        JsonNode edited = ok(api.post("/users/me/transactions/" + id).json(Map.of("wording", "  Groceries  ",
                "application_date", "2024-03-09", "comment", "Shared with\nAlex", "active", false)));

        assertThat(edited.get("wording").asString()).isEqualTo("Groceries");
        assertThat(edited.get("application_date").asString()).isEqualTo("2024-03-09");
        assertThat(edited.get("comment").asString()).isEqualTo("Shared with\nAlex");
        assertThat(edited.get("active").asBoolean()).isFalse();
        assertThat(edited.get("last_update").asString()).isNotEqualTo(before.get("last_update").asString());
        assertThat(edited.get("original_wording").asString()).isEqualTo("CB CARREFOUR 12/03");
        assertThat(edited.get("date").asString()).isEqualTo("2024-03-01");
        assertThat(edited.get("value").decimalValue()).isEqualByComparingTo("-12.5");
        assertThat(get("/users/me/transactions/" + id)).isEqualTo(edited);
        assertThat(wordings("/users/me/transactions?min_date=2024-03-09&max_date=2024-03-09"))
                .as("the filters see the user's date").containsExactly("CB CARREFOUR 12/03");
        assertThat(get("/users/me/transactions?wording=grocer").get("total").asInt()).isEqualTo(1);
    }

    static Stream<Arguments> editForms() {
        return Stream.of("PUT", "POST").flatMap(method -> Stream.of("json", "form", "multipart")
                .map(form -> Arguments.of(method, form)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editForms")
    void anEditIsReadWithEitherMethodFromEveryBodyForm(String method, String form) {
        long id = storeOne();
        Map<String, String> fields = Map.of("comment", "via " + form, "active", "false");
        TestApi.Call call = api.method(method, "/users/me/transactions/" + id);

        JsonNode edited = ok(switch (form) {
            case "json" -> call.json(fields);
            case "form" -> call.form(fields);
            default -> call.multipart(fields);
        });

        assertThat(edited.get("comment").asString()).isEqualTo("via " + form);
        assertThat(edited.get("active").asBoolean()).isFalse();
    }

    @Test
    void emptyValuesGiveTheBanksWordingAndDateBackAndRemoveTheComment() {
        long id = storeOne();
        ok(api.post("/users/me/transactions/" + id).json(Map.of("wording", "Groceries", "application_date", "2024-03-09",
                "comment", "note")));

        JsonNode reset = ok(api.put("/users/me/transactions/" + id).form(Map.of("wording", "", "application_date", " ",
                "comment", "")));

        assertThat(reset.get("wording").asString()).isEqualTo("CB CARREFOUR 12/03");
        assertThat(reset.get("application_date").asString()).isEqualTo("2024-03-01");
        assertThat(reset.get("comment").isNull()).isTrue();
    }

    @Test
    void aSyncKeepsWhatTheUserChangedAndTheBanksValuesComeBackWhenTheUserGivesThemUp() {
        long id = storeOne();
        ok(api.post("/users/me/transactions/" + id).json(Map.of("wording", "Groceries", "application_date", "2024-03-09",
                "comment", "note", "active", false)));

        store(enabled, List.of(Transaction.builder().externalId("T1").date(LocalDate.of(2024, 3, 2))
                .applicationDate(LocalDate.of(2024, 3, 2)).value(new BigDecimal("-12.5")).type(TransactionType.CARD)
                .originalWording("CB CARREFOUR CITY").build()));

        JsonNode synced = get("/users/me/transactions/" + id);
        assertThat(synced.get("original_wording").asString()).isEqualTo("CB CARREFOUR CITY");
        assertThat(synced.get("date").asString()).isEqualTo("2024-03-02");
        assertThat(synced.get("wording").asString()).isEqualTo("Groceries");
        assertThat(synced.get("application_date").asString()).isEqualTo("2024-03-09");
        assertThat(synced.get("comment").asString()).isEqualTo("note");
        assertThat(synced.get("active").asBoolean()).isFalse();

        JsonNode givenUp = ok(api.post("/users/me/transactions/" + id).json(Map.of("wording", "",
                "application_date", "2024-03-02")));
        assertThat(givenUp.get("wording").asString()).isEqualTo("CB CARREFOUR CITY");
        assertThat(givenUp.get("application_date").asString()).isEqualTo("2024-03-02");
        store(enabled, List.of(Transaction.builder().externalId("T1").date(LocalDate.of(2024, 3, 2))
                .applicationDate(LocalDate.of(2024, 3, 4)).value(new BigDecimal("-12.5")).type(TransactionType.CARD)
                .originalWording("CARREFOUR").build()));
        JsonNode following = get("/users/me/transactions/" + id);
        assertThat(following.get("wording").asString()).as("the bank's wording again").isEqualTo("CARREFOUR");
        assertThat(following.get("application_date").asString()).as("the bank's date again").isEqualTo("2024-03-04");
    }

    @Test
    void anApplicationDateIsADayOrADateTimesDayInTheApiZone() {
        long id = storeOne();

        assertThat(ok(api.post("/users/me/transactions/" + id).json(Map.of("application_date", "2024-03-09T23:30:00Z")))
                .get("application_date").asString()).isEqualTo("2024-03-10");
        assertThat(ok(api.post("/users/me/transactions/" + id).json(Map.of("application_date", "2024-03-11 08:00:00")))
                .get("application_date").asString()).isEqualTo("2024-03-11");
    }

    static Stream<Arguments> refusedEdits() {
        return Stream.of(
                Arguments.of(Map.of("wording", "x".repeat(501)), "wording"),
                Arguments.of(Map.of("wording", "bell\u0007"), "wording"),
                Arguments.of(Map.of("wording", "two\nlines"), "wording"),
                Arguments.of(Map.of("comment", "x".repeat(1001)), "comment"),
                Arguments.of(Map.of("comment", "escape \u001b[31m"), "comment"),
                Arguments.of(Map.of("application_date", "2024-02-30"), "application_date"),
                Arguments.of(Map.of("application_date", "2024-03"), "application_date"),
                Arguments.of(Map.of("application_date", "2024"), "application_date"),
                Arguments.of(Map.of("application_date", "+10000-01-01T00:00:00Z"), "application_date"),
                Arguments.of(Map.of("application_date", "tomorrow"), "application_date"),
                Arguments.of(Map.of("active", "maybe"), "active"),
                Arguments.of(Map.of("id_category", 9998), "id_category"),
                Arguments.of(Map.of("comment", "fine", "wording", Map.of("nested", true)), "wording"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedEdits")
    void anEditThatCannotBeStoredIsAnInvalidValueNamingTheFieldAndChangesNothing(Map<String, ?> body, String field) {
        long id = storeOne();
        JsonNode before = get("/users/me/transactions/" + id);

        TestApi.Response response = api.post("/users/me/transactions/" + id).json(body).bearer(user.token()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(response.json().get("description").asString()).contains("'" + field + "'");
        assertThat(get("/users/me/transactions/" + id)).isEqualTo(before);
    }

    @Test
    void onlyTheUsersShownTransactionsCanBeEdited() {
        long id = storeOne();
        store(disabled, List.of(booked("D1", LONG_AGO, "-1")));
        long hidden = jdbcId(disabled, "D1");
        TestUsers.TestUser other = users.permanent();
        JsonNode before = get("/users/me/transactions/" + id);

        assertThat(api.post("/users/me/transactions/" + id).json(Map.of("comment", "mine")).bearer(other.token()).send()
                .status()).isEqualTo(404);
        assertThat(api.post("/users/" + user.id() + "/transactions/" + id).json(Map.of("comment", "mine"))
                .bearer(other.token()).send().status()).isEqualTo(403);
        assertThat(api.post("/users/me/transactions/" + hidden).json(Map.of("comment", "x")).bearer(user.token()).send()
                .status()).as("a transaction of a disabled account").isEqualTo(404);
        assertThat(api.post("/users/me/transactions/99999999").json(Map.of()).bearer(user.token()).send().status())
                .isEqualTo(404);
        assertThat(get("/users/me/transactions/" + id)).isEqualTo(before);
    }

    /** One card payment of the enabled account: T1, 2024-03-01, -12.50, "CB CARREFOUR 12/03". */
    private long storeOne() {
        store(enabled, List.of(transaction("T1", LocalDate.of(2024, 3, 1), "-12.5", "CB CARREFOUR 12/03", false)));
        return jdbcId(enabled, "T1");
    }

    private long jdbcId(long account, String externalId) {
        return jdbc.sql("SELECT id FROM bank_transaction WHERE id_account = :a AND external_id = :e")
                .param("a", account).param("e", externalId).query(Long.class).single();
    }

    /** The user's call, which must answer 200: its JSON. */
    private JsonNode ok(TestApi.Call call) {
        TestApi.Response response = call.bearer(user.token()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** One operation on each of a few calendar edges, named after its date. */
    private void storeCalendar() {
        store(enabled, Stream.of("2023-12-31:dec31", "2024-02-29:feb29", "2024-03-01:mar01", "2024-03-15:mar15",
                        "2024-03-31:mar31", "2024-04-01:apr01", "2025-01-01:jan01")
                .map(s -> s.split(":"))
                .map(s -> Transaction.builder().externalId(s[1]).date(LocalDate.parse(s[0])).value(BigDecimal.ONE)
                        .type(TransactionType.CARD).originalWording(s[1]).build())
                .toList());
    }

    /** A few purchases and transfers with labels, amounts and dates a search can tell apart. */
    private void storeShop() {
        store(enabled, List.of(
                transaction("T1", LocalDate.of(2024, 3, 1), "-12.5", "CB CARREFOUR 12/03", false),
                Transaction.builder().externalId("T2").date(LocalDate.of(2024, 3, 2)).value(new BigDecimal("1500"))
                        .type(TransactionType.TRANSFER).originalWording("VIR SEPA ACME")
                        .counterparty(Counterparty.builder().label("Jane Doe").build()).build(),
                Transaction.builder().externalId("T3").date(LocalDate.of(2024, 3, 4)).value(new BigDecimal("-50"))
                        .type(TransactionType.ORDER).originalWording("PRLV EDF").simplifiedWording("EDF Electricite")
                        .build(),
                transaction("T4", LocalDate.of(2024, 3, 3), "0.5", "REMISE 50% SOLDE_2", false)));
    }

    private List<String> values(String path) {
        return Stream.of(get(path).get("transactions").values().toArray(JsonNode[]::new))
                .map(t -> t.get("value").decimalValue().stripTrailingZeros().toPlainString()).sorted().toList();
    }

    private void store(long account, List<Transaction> transactions) {
        upserts.upsert(account, LONG_AGO, transactions, clock.instant());
    }

    private List<String> wordings(String path) {
        return Stream.of(get(path).get("transactions").values().toArray(JsonNode[]::new))
                .map(t -> t.get("original_wording").asString()).toList();
    }

    /** Follows an href from the host root, as a widely used Python client does. */
    private JsonNode follow(String href) {
        TestApi.Response response = api.link(href).bearer(user.token()).send();
        assertThat(response.status()).as(href + " → " + response).isEqualTo(200);
        return response.json();
    }

    /** The list's answer to {@code query}, which must be 400 {@code invalidValue}: its envelope. */
    private JsonNode assertInvalidValue(String query) {
        TestApi.Response response = api.get("/users/me/transactions?" + query).bearer(user.token()).send();
        assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        return response.json();
    }

    private JsonNode get(String path) {
        return ok(api.get(path));
    }
}
