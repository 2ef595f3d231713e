package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.NOW;
import static dev.passerelle.testbank.ContextBuilder.aContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.ConnectionContext;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsTest {

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void parShowsTheHouseholdAccounts() {
        assertThat(accounts(aContext().scenario("par").build()))
                .extracting(a -> a.name() + "/" + a.type() + "/" + a.currency())
                .containsExactly("Compte chèque/checking/EUR", "Compte chèque USD/checking/USD",
                        "Carte Visa Premier/card/EUR", "Livret A/savings/EUR", "Prêt immobilier/loan/EUR",
                        "Compte titres/market/EUR", "Assurance vie/lifeinsurance/EUR");
    }

    @Test
    void proShowsTheCompanyAccountsForOrganisationUse() {
        List<Account> accounts = accounts(aContext().scenario("pro").build());

        assertThat(accounts).extracting(Account::name)
                .containsExactly("Compte courant pro", "Compte épargne pro", "Carte affaires", "Prêt professionnel");
        assertThat(accounts).allSatisfy(account -> {
            assertThat(account.usage()).isEqualTo("ORGA");
            assertThat(account.companyName()).endsWith("SARL");
        });
    }

    @Test
    void otherScenariosShowTheHouseholdAccounts() {
        assertThat(accounts(aContext().scenario("SCARequired").build())).extracting(Account::name)
                .isEqualTo(accounts(aContext().scenario("par").build()).stream().map(Account::name).toList());
    }

    @Test
    void eurCheckingHasIbanBicPrivateUseAndOwnership() {
        Account checking = accounts(aContext().scenario("par").build()).getFirst();

        assertThat(checking.iban()).startsWith("FR76").hasSize(27);
        assertThat(checking.bic()).isEqualTo("CDTBFRBIXXX");
        assertThat(checking.usage()).isEqualTo("PRIV");
        assertThat(checking.ownership()).isEqualTo("owner");
    }

    @Test
    void deferredCardHangsOffTheEurChecking() {
        List<Account> accounts = accounts(aContext().scenario("par").build());

        assertThat(byName(accounts, "Carte Visa Premier").parentExternalId()).isEqualTo(accounts.getFirst().externalId());
    }

    @Test
    void mortgageOwesMoneyAndDescribesTheLoan() {
        Account mortgage = byName(accounts(aContext().scenario("par").build()), "Prêt immobilier");

        assertThat(mortgage.balance()).isNegative();
        assertThat(mortgage.loan().type()).isEqualTo("mortgage");
        assertThat(mortgage.loan().paymentsDone() + mortgage.loan().paymentsLeft())
                .isEqualTo(mortgage.loan().durationMonths());
        assertThat(mortgage.loan().nextPaymentDate()).isAfter(NOW.atZone(ZoneOffset.UTC).toLocalDate());
        assertThat(mortgage.balance().negate()).isLessThan(mortgage.loan().totalAmount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "Identifiant", "someone@example.org", "z"})
    void everyIbanHasValidIso13616CheckDigits(String login) {
        List<String> ibans = Stream.of("par", "pro")
                .flatMap(scenario -> accounts(aContext().login(login).scenario(scenario).build()).stream())
                .map(Account::iban).filter(Objects::nonNull).toList();

        assertThat(ibans).hasSizeGreaterThanOrEqualTo(5).allSatisfy(iban -> {
            assertThat(iban).matches("FR76[0-9]{23}");
            assertThat(ibanRemainder(iban)).isEqualTo(1);
        });
    }

    @Test
    void accountNumbersAreMaskedToTheirLastFourDigits() {
        assertThat(accounts(aContext().scenario("par").build())).allSatisfy(account ->
                assertThat(account.number()).matches("X{7}[0-9]{4}").endsWith(account.externalId().substring(7)));
    }

    @Test
    void sameLoginAndScenarioKindGiveEqualAccounts() {
        assertThat(accounts(aContext().login("carol").scenario("par").build()))
                .isEqualTo(accounts(aContext().login("carol").scenario("additionalInformationNeeded").build()));
    }

    @Test
    void differentLoginGivesDifferentAccounts() {
        assertThat(ids(aContext().login("carol").build())).doesNotContainAnyElementsOf(ids(aContext().login("dave").build()));
    }

    @Test
    void bothSourcesShowTheSameAccounts() {
        assertThat(ids(aContext().source("openapi").build())).isEqualTo(ids(aContext().build()));
    }

    @Test
    void accountIdsStayTheSameWhenTheClockMoves() {
        assertThat(ids(aContext().at(NOW.plus(Duration.ofDays(45))).build())).isEqualTo(ids(aContext().build()));
    }

    @Test
    void webauthSourceWithoutLoginGetsAccountsOfItsConnection() {
        ConnectionContext webauth = aContext().source("openapi").withoutCredentials().build();

        assertThat(ids(webauth)).hasSize(7).doesNotContainAnyElementsOf(ids(aContext().build()));
    }

    private List<Account> accounts(ConnectionContext ctx) {
        return connector.accounts(ctx).toList();
    }

    private List<String> ids(ConnectionContext ctx) {
        return accounts(ctx).stream().map(Account::externalId).toList();
    }

    private static Account byName(List<Account> accounts, String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers; a valid IBAN leaves 1 mod 97. */
    private static int ibanRemainder(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        rearranged.chars().forEach(c -> digits.append(Character.getNumericValue(c)));
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
