package dev.passerelle.client;

import static dev.passerelle.client.support.PasserelleServer.TEST_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.DocumentService.DocumentFile;
import dev.passerelle.client.model.Account;
import dev.passerelle.client.model.AccountList;
import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.Document;
import dev.passerelle.client.model.Subscription;
import dev.passerelle.client.model.Transaction;
import dev.passerelle.client.model.TransactionPage;
import dev.passerelle.client.support.Integrators;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts, transactions (paging), subscriptions and documents of one user with a {@code par} connection. */
class BankDataTest {

    private final Passerelle user = new Integrators().newUser();
    private Connection connection;
    private AccountList discovered;

    @BeforeEach
    void connect() {
        connection = user.me().connections().create(TEST_CONNECTOR,
                Map.of("login", "jdupont", "password", "1234", "directaccesswebsite", "par"));
        discovered = user.me().accounts().list(true);
    }

    private long[] allAccountIds() {
        return discovered.accounts().stream().mapToLong(Account::id).toArray();
    }

    @Test
    void discoveredAccountsAreDisabledUntilEnabled() {
        assertThat(discovered.accounts()).isNotEmpty().allSatisfy(a -> assertThat(a.enabled()).isFalse());
        assertThat(user.me().accounts().list(false).accounts()).isEmpty();
        Account checking = discovered.accounts().getFirst();
        assertThatThrownBy(() -> user.me().accounts().get(checking.id(), false)).isInstanceOf(NotFoundException.class);

        List<Account> enabled = user.me().accounts().enable(allAccountIds());

        assertThat(enabled).hasSameSizeAs(discovered.accounts()).allSatisfy(a -> assertThat(a.enabled()).isTrue());
        AccountList listed = user.me().accounts().list(connection.id(), false);
        assertThat(listed.accounts()).hasSameSizeAs(enabled);
        assertThat(listed.balances()).containsKey("EUR");
        assertThat(user.me().accounts().get(checking.id(), false).currency().id()).isNotBlank();
    }

    @Test
    void accountsAndSubscriptionsCarryTheirConnectionWhenExpanded() {
        Account first = discovered.accounts().getFirst();

        AccountList expanded = user.me().accounts().list(true, "connection[connector]");
        Account one = user.me().accounts().get(first.id(), true, "connection");
        List<Subscription> subscriptions = user.me().subscriptions().list(true, "connection");

        assertThat(expanded.accounts()).isNotEmpty().allSatisfy(account -> {
            assertThat(account.connection().id()).isEqualTo(account.idConnection());
            assertThat(account.connection().connector().name()).isNotBlank();
        });
        assertThat(one.connection().id()).isEqualTo(first.idConnection());
        assertThat(one.connection().connector()).as("not asked for").isNull();
        assertThat(subscriptions).isNotEmpty()
                .allSatisfy(s -> assertThat(s.connection().id()).isEqualTo(s.idConnection()));
        assertThat(first.connection()).as("not asked for").isNull();
    }

    @Test
    void renamedAccountKeepsTheBanksName() {
        Account first = discovered.accounts().getFirst();

        Account renamed = user.me().accounts().rename(first.id(), "Mon compte");

        assertThat(renamed.name()).isEqualTo("Mon compte");
        assertThat(renamed.originalName()).isEqualTo(first.originalName());
    }

    @Test
    void disablingAnAccountDeletesItsTransactions() {
        long id = discovered.accounts().getFirst().id();
        user.me().accounts().enable(id);
        assertThat(user.me().transactions().list(TransactionQuery.create().ofAccount(id)).total()).isPositive();

        user.me().accounts().disable(id);

        assertThat(user.me().transactions().list(TransactionQuery.create()).total()).isZero();
    }

    @Test
    void everyPageIsFollowedThroughItsNextLinkWithoutLossOrRepeat() {
        user.me().accounts().enable(allAccountIds());
        TransactionQuery query = TransactionQuery.create().pageSize(50);
        long total = user.me().transactions().list(query).total();

        List<TransactionPage> pages = user.me().transactions().pages(query).stream().toList();
        Set<Long> ids = new HashSet<>();
        pages.forEach(page -> page.transactions().forEach(t -> assertThat(ids.add(t.id())).isTrue()));

        assertThat(total).isGreaterThan(100);
        assertThat(pages).hasSize((int) ((total + 49) / 50));
        assertThat(ids).hasSize((int) total);
        assertThat(pages.getLast().nextHref()).isNull();
        assertThat(user.me().transactions().stream(query).count()).isEqualTo(total);
    }

    @Test
    void transactionsBetweenTwoDatesOfOneAccount() {
        user.me().accounts().enable(allAccountIds());
        long account = discovered.accounts().getFirst().id();
        LocalDate from = LocalDate.now().minusMonths(1);
        LocalDate until = LocalDate.now().minusDays(7);

        List<Transaction> found = user.me().transactions()
                .stream(TransactionQuery.create().ofAccount(account).between(from, until).pageSize(20)).toList();

        assertThat(found).isNotEmpty().allSatisfy(t -> {
            assertThat(t.idAccount()).isEqualTo(account);
            assertThat(t.applicationDate()).isBetween(from, until);
        });
        Transaction one = found.getFirst();
        assertThat(user.me().transactions().get(one.id())).isEqualTo(one);
        assertThat(user.me().transactions().list(TransactionQuery.create().ofConnection(connection.id()).income(true)
                .pageSize(10)).transactions()).allSatisfy(t -> assertThat(t.value()).isPositive());
    }

    @Test
    void transactionsFoundByWordingValueAndSearch() {
        user.me().accounts().enable(allAccountIds());
        Transaction one = user.me().transactions().list(TransactionQuery.create().pageSize(1)).transactions().getFirst();
        String word = one.wording().split(" ")[0];

        List<Transaction> byWording = user.me().transactions().stream(TransactionQuery.create().wording(word.toLowerCase()))
                .toList();
        List<Transaction> byValue = user.me().transactions().stream(TransactionQuery.create()
                .valueIn(one.value(), new BigDecimal("1E+9")).valueBetween(one.value(), one.value())).toList();
        List<Transaction> bySearch = user.me().transactions().stream(TransactionQuery.create()
                .search(one.value().negate().toPlainString())).toList();

        assertThat(byWording).contains(one).allSatisfy(t -> assertThat(t.wording()).containsIgnoringCase(word));
        assertThat(byValue).contains(one).allSatisfy(t -> assertThat(t.value()).isEqualByComparingTo(one.value()));
        assertThat(bySearch).contains(one)
                .allSatisfy(t -> assertThat(t.value().abs()).isEqualByComparingTo(one.value().abs()));
        assertThat(user.me().transactions().stream(TransactionQuery.create().wording("no wording holds this")).count())
                .isZero();
    }

    @Test
    void aTransactionsMetadataIsEditedAndTheBanksWordingAndDateGivenBack() {
        user.me().accounts().enable(allAccountIds());
        Transaction one = user.me().transactions().list(TransactionQuery.create().pageSize(1)).transactions().getFirst();

        Transaction edited = user.me().transactions().edit(one.id(), Map.of("wording", "Groceries",
                "application_date", LocalDate.of(2024, 3, 9), "comment", "Shared", "active", false));
        Transaction givenBack = user.me().transactions().edit(one.id(), Map.of("wording", "", "application_date", ""));

        assertThat(edited.wording()).isEqualTo("Groceries");
        assertThat(edited.applicationDate()).isEqualTo(LocalDate.of(2024, 3, 9));
        assertThat(edited.comment()).isEqualTo("Shared");
        assertThat(edited.active()).isFalse();
        assertThat(edited.value()).isEqualByComparingTo(one.value());
        assertThat(givenBack.wording()).isEqualTo(one.wording());
        assertThat(givenBack.applicationDate()).isEqualTo(one.applicationDate());
        assertThat(givenBack.comment()).isEqualTo("Shared");
        assertThat(user.me().transactions().get(one.id())).isEqualTo(givenBack);
    }

    @Test
    void subscriptionIsEnabledAndItsDocumentsAndFilesRead() {
        List<Subscription> subscriptions = user.me().subscriptions().list(true);
        assertThat(subscriptions).isNotEmpty().allSatisfy(s -> assertThat(s.enabled()).isFalse());
        long[] ids = subscriptions.stream().mapToLong(Subscription::id).toArray();

        List<Subscription> enabled = user.me().subscriptions().enable(ids);
        List<Document> documents = user.me().documents().stream(null).toList();

        assertThat(enabled).allSatisfy(s -> assertThat(s.enabled()).isTrue());
        assertThat(user.me().subscriptions().get(ids[0], false).label()).isNotBlank();
        assertThat(documents).isNotEmpty();
        assertThat(user.me().documents().list(ids[0], 2, 0).documents()).hasSizeLessThanOrEqualTo(2);
        DocumentFile file = user.me().documents().file(documents.getFirst().id());
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(new String(file.content(), 0, 5)).isEqualTo("%PDF-");
        assertThat(user.me().subscriptions().disable(ids[0])).singleElement()
                .satisfies(s -> assertThat(s.enabled()).isFalse());
    }
}
