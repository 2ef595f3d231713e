package dev.passerelle.server.investments;

import static dev.passerelle.server.ingestion.FakeBank.account;
import static dev.passerelle.server.ingestion.FakeBank.checking;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentCodeType;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.ingestion.BankFixtures;
import dev.passerelle.server.ingestion.FakeBank;
import dev.passerelle.server.ingestion.FakeBankConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The investment routes (Powens' "Investments"), on a market account of the fake bank. */
@IntegrationTest
@Import(FakeBankConfig.class)
class InvestmentEndpointsTest {

    private static final LocalDate VDATE = LocalDate.of(2024, 3, 14);

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    BankFixtures fixtures;

    TestUsers.TestUser user;
    OpenSource source;
    FakeBank.Script bank;
    long market;
    long checking;

    @BeforeEach
    void connectionWithAMarketAndACheckingAccount() {
        user = users.permanent();
        source = fixtures.newSource(user.id());
        bank = fixtures.script(source);
        bank.accounts.addAll(List.of(account("M1", AccountType.MARKET, "1500", "EUR", null), checking("C1", "10")));
        bank.investments.put("M1", List.of(
                Investment.builder().externalId("M1-ETF").label("WORLD ETF").code("LU1681043599")
                        .codeType(InvestmentCodeType.ISIN).quantity(new BigDecimal("2")).unitPrice(new BigDecimal("450"))
                        .unitValue(new BigDecimal("500")).valuation(new BigDecimal("1000")).diff(new BigDecimal("100"))
                        .diffPercent(new BigDecimal("0.1111")).portfolioShare(new BigDecimal("0.6667")).vdate(VDATE)
                        .originalCurrency("USD").originalValuation(new BigDecimal("1090")).build(),
                FakeBank.investment("M1-EURO", "Fonds en euros", "500")));
        bank.history.put("M1-ETF", List.of(
                InvestmentValue.builder().date(VDATE.minusDays(1)).unitValue(new BigDecimal("498.5")).build(),
                InvestmentValue.builder().date(VDATE).unitValue(new BigDecimal("500")).build()));
        fixtures.sync(source);
        market = fixtures.accountIds(source).get(0);
        checking = fixtures.accountIds(source).get(1);
    }

    @Test
    void noInvestmentIsFetchedOrListedBeforeTheAccountIsActivated() {
        assertThat(get("/users/me/investments").get("investments")).isEmpty();
        assertThat(bank.investmentFetches).isEmpty();
    }

    @Test
    void activatingAMarketAccountFetchesAndListsItsInvestmentsInPowensShape() {
        activate(market);

        JsonNode listed = get("/users/me/investments");

        assertThat(listed.get("total").asInt()).isEqualTo(2);
        JsonNode etf = listed.get("investments").get(0);
        assertThat(etf.get("id_account").asLong()).isEqualTo(market);
        assertThat(etf.get("label").asString()).isEqualTo("WORLD ETF");
        assertThat(etf.get("code").asString()).isEqualTo("LU1681043599");
        assertThat(etf.get("code_type").asString()).isEqualTo("ISIN");
        assertThat(etf.get("source").asString()).isEqualTo("website");
        assertThat(etf.get("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(etf.get("unitprice").decimalValue()).isEqualByComparingTo("450");
        assertThat(etf.get("unitvalue").decimalValue()).isEqualByComparingTo("500");
        assertThat(etf.get("valuation").decimalValue()).isEqualByComparingTo("1000");
        assertThat(etf.get("diff").decimalValue()).isEqualByComparingTo("100");
        assertThat(etf.get("diff_percent").decimalValue()).isEqualByComparingTo("0.1111");
        assertThat(etf.get("portfolio_share").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(etf.get("vdate").asString()).isEqualTo("2024-03-14");
        assertThat(etf.get("original_currency").get("id").asString()).isEqualTo("USD");
        assertThat(etf.get("original_valuation").decimalValue()).isEqualByComparingTo("1090");
        assertThat(etf.has("id_security")).isTrue();
        assertThat(etf.get("last_update").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(etf.get("deleted").isNull()).isTrue();
    }

    @Test
    void onlyAccountsWhoseTypeHoldsInvestmentsAreAsked() {
        activate(market);
        activate(checking);

        assertThat(bank.investmentFetches).containsOnly("M1");
    }

    @Test
    void investmentsAreListedPerConnectionAndPerAccountAndFilteredByLabelAndCode() {
        activate(market);

        assertThat(get("/users/me/connections/" + source.connectionId() + "/investments").get("total").asInt()).isEqualTo(2);
        assertThat(get("/users/me/accounts/" + market + "/investments").get("total").asInt()).isEqualTo(2);
        assertThat(get("/users/me/connections/" + source.connectionId() + "/accounts/" + market + "/investments")
                .get("total").asInt()).isEqualTo(2);
        assertThat(get("/users/me/accounts/" + checking + "/investments").get("total").asInt()).isZero();
        assertThat(labels(get("/users/me/investments?label=euros"))).containsExactly("Fonds en euros");
        assertThat(labels(get("/users/me/investments?code=LU1681043599"))).containsExactly("WORLD ETF");
    }

    @Test
    void anInvestmentsHistoryIsItsValuesOldestFirst() {
        activate(market);
        long etf = get("/users/me/investments?label=ETF").get("investments").get(0).get("id").asLong();

        JsonNode history = get("/users/me/accounts/" + market + "/investments/" + etf + "/history");

        assertThat(history.get("total").asInt()).isEqualTo(2);
        assertThat(history.get("investmentvalues")).extracting(v -> v.get("vdate").asString())
                .containsExactly("2024-03-13", "2024-03-14");
        assertThat(history.get("investmentvalues").get(0).get("unitvalue").decimalValue()).isEqualByComparingTo("498.5");
        assertThat(history.get("investmentvalues").get(0).get("id_investment").asLong()).isEqualTo(etf);
    }

    @Test
    void aSecondSyncUpdatesInPlaceAndMarksDeletedWhatTheBankNoLongerShows() {
        activate(market);
        bank.investments.put("M1", List.of(FakeBank.investment("M1-EURO", "Fonds en euros", "520")));

        fixtures.sync(source);

        JsonNode all = get("/users/me/investments?all");
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(labels(get("/users/me/investments"))).containsExactly("Fonds en euros");
        assertThat(get("/users/me/investments").get("investments").get(0).get("valuation").decimalValue())
                .isEqualByComparingTo("520");
    }

    @Test
    void deactivatingTheAccountDeletesItsInvestments() {
        activate(market);

        api.put("/users/me/accounts/" + market).json(Map.of("disabled", true)).bearer(user.token()).send();

        assertThat(get("/users/me/investments?all").get("investments")).isEmpty();
    }

    @Test
    void anotherUsersInvestmentsAccountsAndConnectionsAreNotFound() {
        activate(market);
        long etf = get("/users/me/investments").get("investments").get(0).get("id").asLong();
        TestUsers.TestUser other = users.permanent();

        assertThat(api.get("/users/me/investments").bearer(other.token()).send().json().get("total").asInt()).isZero();
        assertThat(api.get("/users/me/investments/" + etf + "/history").bearer(other.token()).send().status())
                .isEqualTo(404);
        assertThat(api.get("/users/me/accounts/" + market + "/investments").bearer(other.token()).send().status())
                .isEqualTo(404);
        assertThat(api.get("/users/me/connections/" + source.connectionId() + "/investments").bearer(other.token()).send()
                .status()).isEqualTo(404);
    }

    private void activate(long account) {
        TestApi.Response response = api.put("/users/me/accounts/" + account + "?all").json(Map.of("disabled", false))
                .bearer(user.token()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static List<String> labels(JsonNode list) {
        return list.get("investments").valueStream().map(i -> i.get("label").asString()).toList();
    }

    private JsonNode get(String path) {
        TestApi.Response response = api.get(path).bearer(user.token()).send();
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }
}
