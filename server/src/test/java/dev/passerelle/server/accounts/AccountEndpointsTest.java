package dev.passerelle.server.accounts;

import static dev.passerelle.server.ingestion.FakeBank.account;
import static dev.passerelle.server.ingestion.FakeBank.booked;
import static dev.passerelle.server.ingestion.FakeBank.checking;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.Loan;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.Ownership;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.ingestion.BankFixtures;
import dev.passerelle.server.ingestion.FakeBank;
import dev.passerelle.server.ingestion.FakeBankConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(FakeBankConfig.class)
class AccountEndpointsTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    BankFixtures fixtures;
    @Autowired
    Clock clock;

    TestUsers.TestUser user;
    OpenSource source;
    FakeBank.Script bank;
    LocalDate today;

    @BeforeEach
    void connectionWithTwoDiscoveredAccounts() {
        today = LocalDate.now(clock); // the server's day (UTC), not the test machine's zone
        user = users.permanent();
        source = fixtures.newSource(user.id());
        bank = fixtures.script(source);
        bank.accounts.addAll(List.of(checking("A1", "100.5"), checking("A2", "20")));
        bank.transactions("A1", List.of(booked("T1", today, "-10"), booked("T2", today.minusDays(1), "-5")));
        bank.transactions("A2", List.of(booked("T3", today, "-7")));
        fixtures.sync(source);
    }

    @Test
    void discoveredAccountsAreListedOnlyWithAll() {
        assertThat(get("/users/me/accounts").get("accounts")).isEmpty();

        JsonNode all = get("/users/me/accounts?all");

        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.get("accounts")).allSatisfy(a -> assertThat(a.get("disabled").isNull()).isFalse());
    }

    @Test
    void expandConnectionEmbedsEachAccountsConnectionExpandedByItsOwnMembersInTheBrackets() {
        long id = fixtures.accountIds(source).getFirst();

        JsonNode listed = get("/users/me/accounts?all&expand=connection[sources,all_accounts]");
        JsonNode underItsConnection = get("/users/me/connections/" + source.connectionId() + "/accounts?all&expand=connection");
        JsonNode one = get("/users/me/accounts/" + id + "?all&expand=nothing,connection");

        assertThat(listed.get("accounts")).hasSize(2).allSatisfy(account -> {
            assertThat(account.get("connection").get("id").asLong()).isEqualTo(source.connectionId());
            assertThat(account.get("connection").get("id_user").asLong()).isEqualTo(user.id());
            assertThat(account.get("connection").get("sources")).extracting(s -> s.get("id").asLong())
                    .containsExactly(source.sourceId());
            assertThat(account.get("connection").has("all_accounts")).as("the data would embed its connection again")
                    .isFalse();
        });
        assertThat(listed.get("total").asInt()).isEqualTo(2);
        assertThat(underItsConnection.get("accounts")).allSatisfy(account ->
                assertThat(account.get("connection").get("id").asLong()).isEqualTo(source.connectionId()));
        assertThat(one.get("connection").get("id").asLong()).isEqualTo(source.connectionId());
        assertThat(one.get("connection").has("sources")).isFalse();
        assertThat(get("/users/me/accounts/" + id + "?all").has("connection")).as("only when asked").isFalse();
        assertThat(get("/users/me/accounts?all&expand=currency").get("accounts").get(0).has("connection")).isFalse();
    }

    @Test
    void anExpandWithUnbalancedBracketsIsAnInvalidValue() {
        TestApi.Response response = api.get("/users/me/accounts?all&expand=connection[connector").bearer(user.token()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void disabledAccountIsNotFoundWithoutAll() {
        long id = fixtures.accountIds(source).getFirst();

        assertThat(api.get("/users/me/accounts/" + id).bearer(user.token()).send().status()).isEqualTo(404);
        assertThat(get("/users/me/accounts/" + id + "?all").get("id").asLong()).isEqualTo(id);
    }

    static Stream<Arguments> allFlagsAndBodies() {
        return Stream.of("?all", "?all=", "?all=true").flatMap(flag -> Stream.of(
                Arguments.of(flag, "json", "PUT"), Arguments.of(flag, "form", "POST"), Arguments.of(flag, "json", "POST")));
    }

    @ParameterizedTest(name = "{2} {0} as {1}")
    @MethodSource("allFlagsAndBodies")
    void bulkActivationEnablesEveryListedAccountAndFetchesItsTransactions(String flag, String body, String method) {
        List<Long> ids = fixtures.accountIds(source);
        String path = "/users/me/connections/" + source.connectionId() + "/accounts/" + ids.get(0) + "," + ids.get(1) + flag;
        TestApi.Call call = method.equals("PUT") ? api.put(path) : api.post(path);
        call = body.equals("json") ? call.json(Map.of("disabled", false)) : call.form(Map.of("disabled", "false"));

        TestApi.Response response = call.bearer(user.token()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("accounts")).extracting(a -> a.get("id").asLong()).containsExactlyElementsOf(ids);
        assertThat(response.json().get("accounts")).allSatisfy(a -> assertThat(a.get("disabled").isNull()).isTrue());
        assertThat(get("/users/me/transactions").get("total").asInt()).isEqualTo(3);
    }

    @Test
    void activatingOneAccountAnswersTheAccountAndFetchesOnlyItsTransactions() {
        long id = fixtures.accountIds(source).getFirst();

        JsonNode account = api.post("/users/me/accounts/" + id + "?all").json(Map.of("disabled", false))
                .bearer(user.token()).send().json();

        assertThat(account.get("id").asLong()).isEqualTo(id);
        assertThat(account.get("disabled").isNull()).isTrue();
        assertThat(get("/users/me/transactions").get("transactions"))
                .extracting(t -> t.get("id_account").asLong()).containsOnly(id);
        assertThat(bank.transactionFetches).extracting(Map.Entry::getKey).containsExactly("A1");
    }

    @Test
    void activationWithoutAllDoesNotFindTheDisabledAccount() {
        long id = fixtures.accountIds(source).getFirst();

        TestApi.Response response = api.put("/users/me/accounts/" + id).json(Map.of("disabled", false))
                .bearer(user.token()).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(bank.transactionFetches).isEmpty();
    }

    @Test
    void deactivationDeletesTheAccountsTransactions() {
        long id = fixtures.accountIds(source).getFirst();
        activate(id);
        assertThat(get("/users/me/transactions").get("total").asInt()).isEqualTo(2);

        JsonNode account = api.put("/users/me/accounts/" + id).json(Map.of("disabled", true)).bearer(user.token()).send().json();

        assertThat(account.get("disabled").isNull()).isFalse();
        activate(id);
        assertThat(bank.transactionFetches).hasSize(2);
        assertThat(get("/users/me/transactions").get("transactions")).hasSize(2);
    }

    @Test
    void deactivatedAccountsTransactionsAreGoneFromEveryList() {
        long id = fixtures.accountIds(source).getFirst();
        activate(id);
        long transaction = get("/users/me/transactions").get("transactions").get(0).get("id").asLong();

        api.put("/users/me/accounts/" + id).json(Map.of("disabled", true)).bearer(user.token()).send();

        assertThat(api.get("/users/me/transactions/" + transaction).bearer(user.token()).send().status()).isEqualTo(404);
        assertThat(get("/users/me/transactions?all").get("total").asInt()).isZero();
    }

    @Test
    void editChangesNameDisplayBookmarkAndUsage() {
        long id = fixtures.accountIds(source).getFirst();
        activate(id);

        JsonNode account = api.post("/users/me/accounts/" + id)
                .json(Map.of("name", "Household", "display", false, "bookmarked", true, "usage", "ORGA"))
                .bearer(user.token()).send().json();

        assertThat(account.get("name").asString()).isEqualTo("Household");
        assertThat(account.get("original_name").asString()).isEqualTo("Account A1");
        assertThat(account.get("display").asBoolean()).isFalse();
        assertThat(account.get("bookmarked").asBoolean()).isTrue();
        assertThat(account.get("usage").asString()).isEqualTo("ORGA");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"longer than the column", "a line break\nin it", "an escape \u001b[2J", "a C1 control \u0085"})
    void aNameLongerThanTheColumnOrWithAControlCharacterIsAnInvalidValueAndChangesNothing(String kind) {
        long id = fixtures.accountIds(source).getFirst();
        String name = kind.startsWith("longer") ? "n".repeat(201) : kind;

        TestApi.Response response = api.put("/users/me/accounts/" + id + "?all").json(Map.of("name", name))
                .bearer(user.token()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(get("/users/me/accounts/" + id + "?all").get("name").asString()).isEqualTo("Account A1");
    }

    @Test
    void unknownUsageIsAnInvalidValue() {
        long id = fixtures.accountIds(source).getFirst();

        TestApi.Response response = api.post("/users/me/accounts/" + id + "?all").json(Map.of("usage", "WORK"))
                .bearer(user.token()).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void listSumsBalancesPerCurrencyOverEnabledAccounts() {
        bank.accounts.add(account("U1", AccountType.SAVINGS, "1000", "USD", null));
        fixtures.sync(source);
        fixtures.accountIds(source).forEach(this::activate);
        api.put("/users/me/accounts/" + fixtures.accountIds(source).get(1)).json(Map.of("disabled", true))
                .bearer(user.token()).send();

        JsonNode list = get("/users/me/accounts?all");

        assertThat(list.get("total").asInt()).isEqualTo(3);
        assertThat(list.get("balances").get("EUR").decimalValue()).isEqualByComparingTo("100.5");
        assertThat(list.get("balances").get("USD").decimalValue()).isEqualByComparingTo("1000");
        assertThat(list.get("coming_balances").get("EUR").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void deletedAccountIsListedWithItsDeletedDate() {
        long gone = fixtures.accountIds(source).get(1);
        fixtures.accountIds(source).forEach(this::activate);
        bank.accounts.removeLast();
        fixtures.sync(source);

        Map<Long, JsonNode> listed = byId(get("/users/me/accounts").get("accounts"));

        assertThat(listed).hasSize(2);
        assertThat(listed.get(gone).get("deleted").isNull()).isFalse();
    }

    @Test
    void accountHasTheProtocolShape() {
        bank.accounts.add(Account.builder().externalId("L1").number("123").name("Mortgage").type(AccountType.LOAN)
                .balance(new BigDecimal("-150000")).currency("EUR").usage(AccountUsage.PRIVATE).ownership(Ownership.OWNER)
                .openingDate(LocalDate.of(2020, 1, 15))
                .loan(Loan.builder().totalAmount(new BigDecimal("200000")).rate(new BigDecimal("1.2")).durationMonths(240)
                        .subscriptionDate(LocalDate.of(2020, 1, 15)).maturityDate(LocalDate.of(2040, 1, 15))
                        .nextPaymentAmount(new BigDecimal("950")).nextPaymentDate(LocalDate.of(2024, 4, 5))
                        .paymentsDone(50).paymentsLeft(190).type(LoanType.MORTGAGE).build())
                .build());
        fixtures.sync(source);
        long id = fixtures.accountIds(source).getLast();

        JsonNode loan = get("/users/me/accounts/" + id + "?all");

        assertThat(loan.get("id_connection").asLong()).isEqualTo(source.connectionId());
        assertThat(loan.get("id_user").asLong()).isEqualTo(user.id());
        assertThat(loan.get("id_source").asLong()).isEqualTo(source.sourceId());
        assertThat(loan.get("type").asString()).isEqualTo("loan");
        assertThat(loan.get("id_type").asInt()).isEqualTo(4);
        assertThat(loan.get("balance").decimalValue()).isEqualByComparingTo("-150000");
        assertThat(loan.get("currency").get("id").asString()).isEqualTo("EUR");
        assertThat(loan.get("currency").get("symbol").asString()).isEqualTo("€");
        assertThat(loan.get("currency").get("precision").asInt()).isEqualTo(2);
        assertThat(loan.get("opening_date").asString()).isEqualTo("2020-01-15");
        assertThat(loan.get("loan").get("total_amount").decimalValue()).isEqualByComparingTo("200000");
        assertThat(loan.get("loan").get("duration").asInt()).isEqualTo(240);
        assertThat(loan.get("loan").get("nb_payments_left").asInt()).isEqualTo(190);
        assertThat(loan.get("bookmarked").isBoolean()).isTrue();
        assertThat(loan.get("created").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(loan.has("error")).isTrue();
        assertThat(get("/users/me/accounts/" + fixtures.accountIds(source).getFirst() + "?all").get("loan").isNull()).isTrue();
    }

    @Test
    void anotherUsersAccountIsNotFoundAndNeverChanged() {
        TestUsers.TestUser other = users.permanent();
        long id = fixtures.accountIds(source).getFirst();

        assertThat(api.get("/users/me/accounts/" + id + "?all").bearer(other.token()).send().status()).isEqualTo(404);
        assertThat(api.put("/users/me/accounts/" + id + "?all").json(Map.of("disabled", false)).bearer(other.token())
                .send().status()).isEqualTo(404);
        assertThat(api.get("/users/me/connections/" + source.connectionId() + "/accounts?all").bearer(other.token())
                .send().status()).isEqualTo(404);
        assertThat(get("/users/me/accounts/" + id + "?all").get("disabled").isNull()).isFalse();
        assertThat(bank.transactionFetches).isEmpty();
    }

    @Test
    void bulkEditWithOneUnknownIdChangesNothing() {
        long id = fixtures.accountIds(source).getFirst();

        TestApi.Response response = api.put("/users/me/accounts/" + id + ",999999999?all").json(Map.of("disabled", false))
                .bearer(user.token()).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(get("/users/me/accounts/" + id + "?all").get("disabled").isNull()).isFalse();
    }

    @Test
    void accountTypesAreServedWithoutToken() {
        JsonNode types = api.get("/account_types").send().json();

        Map<String, Integer> ids = Stream.of(types.get("accounttypes").values().toArray(JsonNode[]::new))
                .collect(Collectors.toMap(t -> t.get("name").asString(), t -> t.get("id").asInt()));
        assertThat(types.get("total").asInt()).isEqualTo(ids.size());
        assertThat(ids).containsEntry("checking", 2).containsEntry("card", 8);
        assertThat(api.get("/account_types/8").send().json().get("name").asString()).isEqualTo("card");
        assertThat(api.get("/account_types/8").send().json().get("is_invest").asBoolean()).isFalse();
        assertThat(api.get("/account_types/424242").send().status()).isEqualTo(404);
    }

    private void activate(long id) {
        TestApi.Response response = api.put("/users/me/accounts/" + id + "?all").json(Map.of("disabled", false))
                .bearer(user.token()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private JsonNode get(String path) {
        TestApi.Response response = api.get(path).bearer(user.token()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Map<Long, JsonNode> byId(JsonNode list) {
        return Stream.of(list.values().toArray(JsonNode[]::new)).collect(Collectors.toMap(a -> a.get("id").asLong(), a -> a));
    }
}
