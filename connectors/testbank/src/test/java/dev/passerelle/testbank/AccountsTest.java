package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.TODAY;
import static dev.passerelle.testbank.Bank.directaccess;
import static dev.passerelle.testbank.Bank.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.Ownership;
import dev.passerelle.testkit.Dialogue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsTest {

    @Test
    void parShowsTheHouseholdAccounts() {
        assertThat(directaccess("par").accounts())
                .extracting(a -> a.name() + "/" + a.type() + "/" + a.currency())
                .containsExactly("Compte chèque/CHECKING/EUR", "Compte chèque USD/CHECKING/USD",
                        "Carte Visa Premier/CARD/EUR", "Livret A/SAVINGS/EUR", "Prêt immobilier/LOAN/EUR",
                        "Compte titres/MARKET/EUR", "Assurance vie/LIFEINSURANCE/EUR");
    }

    @Test
    void proShowsTheCompanyAccountsForOrganisationUse() {
        List<Account> accounts = directaccess("pro").accounts();

        assertThat(accounts).extracting(Account::name)
                .containsExactly("Compte courant pro", "Compte épargne pro", "Carte affaires", "Prêt professionnel");
        assertThat(accounts).allSatisfy(account -> {
            assertThat(account.usage()).isEqualTo(AccountUsage.ORGANISATION);
            assertThat(account.companyName()).endsWith("SARL");
        });
    }

    @Test
    void otherScenariosShowTheHouseholdAccounts() {
        assertThat(directaccess("SCARequired").accounts()).extracting(Account::name)
                .isEqualTo(directaccess("par").accounts().stream().map(Account::name).toList());
    }

    @Test
    void eurCheckingHasIbanBicPrivateUseAndOwnership() {
        Account checking = directaccess("par").accounts().getFirst();

        assertThat(checking.iban()).startsWith("FR76").hasSize(27);
        assertThat(checking.bic()).isEqualTo("CDTBFRBIXXX");
        assertThat(checking.usage()).isEqualTo(AccountUsage.PRIVATE);
        assertThat(checking.ownership()).isEqualTo(Ownership.OWNER);
    }

    @Test
    void everyAccountTypeIsOneTheDescriptorAnnounces() {
        List<AccountType> announced = new TestBankConnector().descriptor().accountTypes();

        assertThat(Stream.of("par", "pro").flatMap(s -> directaccess(s).accounts().stream()))
                .extracting(Account::type).isSubsetOf(announced).doesNotContain(AccountType.OTHER);
    }

    @Test
    void deferredCardHangsOffTheEurChecking() {
        List<Account> accounts = directaccess("par").accounts();

        assertThat(named(accounts, "Carte Visa Premier").parentExternalId()).isEqualTo(accounts.getFirst().externalId());
    }

    @Test
    void mortgageOwesMoneyAndDescribesTheLoan() {
        Account mortgage = named(directaccess("par").accounts(), "Prêt immobilier");

        assertThat(mortgage.balance()).isNegative();
        assertThat(mortgage.loan().type()).isEqualTo(LoanType.MORTGAGE);
        assertThat(mortgage.loan().paymentsDone() + mortgage.loan().paymentsLeft())
                .isEqualTo(mortgage.loan().durationMonths());
        assertThat(mortgage.loan().nextPaymentDate()).isAfter(TODAY);
        assertThat(mortgage.balance().negate()).isLessThan(mortgage.loan().totalAmount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "Identifiant", "someone@example.org", "z"})
    void everyIbanHasValidIso13616CheckDigits(String login) {
        List<String> ibans = Stream.of("par", "pro")
                .flatMap(scenario -> Bank.credentials("directaccess", scenario).field("login", login).build().accounts()
                        .stream())
                .map(Account::iban).filter(Objects::nonNull).toList();

        assertThat(ibans).hasSizeGreaterThanOrEqualTo(5).allSatisfy(iban -> {
            assertThat(iban).matches("FR76[0-9]{23}");
            assertThat(ibanRemainder(iban)).isEqualTo(1);
        });
    }

    @Test
    void accountNumbersAreMaskedToTheirLastFourDigits() {
        assertThat(directaccess("par").accounts()).allSatisfy(account ->
                assertThat(account.number()).matches("X{7}[0-9]{4}").endsWith(account.externalId().substring(7)));
    }

    @Test
    void sameLoginAndScenarioKindGiveEqualAccounts() {
        assertThat(ofLogin("carol", "par").accounts()).isEqualTo(ofLogin("carol", "additionalInformationNeeded").accounts());
    }

    @Test
    void differentLoginGivesDifferentAccounts() {
        assertThat(ids(ofLogin("carol", "par"))).doesNotContainAnyElementsOf(ids(ofLogin("dave", "par")));
    }

    @Test
    void bothSourcesShowTheSameAccounts() {
        assertThat(ids(Bank.credentials("openapi", "par").build())).isEqualTo(ids(directaccess("par")));
    }

    @Test
    void accountIdsStayTheSameWhenTheClockMoves() {
        Dialogue later = directaccess("par");
        later.clock().advance(Duration.ofDays(45));

        assertThat(ids(later)).isEqualTo(ids(directaccess("par")));
    }

    @Test
    void webauthSourceWithoutLoginGetsAccountsOfItsConnection() {
        assertThat(ids(Bank.webauth("par").build())).hasSize(7).doesNotContainAnyElementsOf(ids(directaccess("par")));
    }

    private static Dialogue ofLogin(String login, String scenario) {
        return Bank.credentials("directaccess", scenario).field("login", login).build();
    }

    private static List<String> ids(Dialogue dialogue) {
        return dialogue.accounts().stream().map(Account::externalId).toList();
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers; a valid IBAN leaves 1 mod 97. */
    private static int ibanRemainder(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        rearranged.chars().forEach(c -> digits.append(Character.getNumericValue(c)));
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
