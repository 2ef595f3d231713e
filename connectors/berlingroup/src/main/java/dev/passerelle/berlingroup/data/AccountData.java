package dev.passerelle.berlingroup.data;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.ConsentModel;
import dev.passerelle.berlingroup.session.Conversation;
import dev.passerelle.berlingroup.session.GrantedConsent;
import dev.passerelle.berlingroup.session.KnownAccount;
import dev.passerelle.berlingroup.transport.BankError;
import dev.passerelle.berlingroup.transport.ErrorTable;
import dev.passerelle.berlingroup.transport.Json;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.Account;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account-information calls (implementation guidelines, "Account Information Service"):
 * {@code /v1/accounts?withBalance=true} and {@code /v1/card-accounts}, balances where the list came
 * without them, transactions with {@code bookingStatus=both} from a date, page after page along
 * {@code _links.next}.
 */
public final class AccountData {

    /** Pages followed at most for one account: a bank whose {@code next} never ends is refused. */
    static final int MAX_PAGES = 1_000;

    static final String NOT_COVERED = "The bank needs your consent to this account: please authenticate again";

    private final Aspsp bank;

    public AccountData(Aspsp bank) {
        this.bank = bank;
    }

    /**
     * The accounts the connection shows. Under a consent on data, the bank's fresh list; under the
     * detailed model, also the accounts listed before that the consent does not cover (the user did
     * not activate them), as last listed. Before any consent on data, the accounts as listed.
     */
    public List<Account> accounts(Conversation conversation) {
        Optional<GrantedConsent> access = conversation.session().accessConsent();
        if (access.isPresent()) {
            try {
                List<KnownAccount> fresh = list(conversation, access.get(), true);
                List<KnownAccount> shown = new ArrayList<>(fresh);
                if (bank.consent().model() == ConsentModel.DETAILED) {
                    Set<String> listed = new HashSet<>(fresh.stream().map(KnownAccount::externalId).toList());
                    conversation.session().accounts().stream().filter(known -> !listed.contains(known.externalId()))
                            .forEach(shown::add);
                }
                conversation.update(session -> session.withAccounts(shown));
            } catch (BankError e) {
                throw ErrorTable.interruption(e, conversation.ctx());
            }
        }
        return mapped(conversation.session().accounts());
    }

    /**
     * Lists the accounts a consent shows, with their balances where the consent grants them, and
     * remembers them in the session.
     *
     * @param withBalance whether the consent grants balances ({@code withBalance=true}, else none are read)
     */
    public List<KnownAccount> list(Conversation conversation, GrantedConsent consent, boolean withBalance) {
        List<KnownAccount> found = new ArrayList<>();
        listed(conversation.onConsent(consent.id(), client -> client.xs2a("GET", "/v1/accounts")
                .query("withBalance", withBalance ? "true" : null)), "accounts")
                .forEach(details -> found.add(known(conversation, consent, details, false, withBalance)));
        if (bank.data().cardAccounts()) {
            cardAccounts(conversation, consent).forEach(details ->
                    found.add(known(conversation, consent, details, true, withBalance)));
        }
        return found;
    }

    /** The operations of an account from {@code since}, booked and pending. */
    public List<Transaction> transactions(Conversation conversation, Account account, LocalDate since) {
        GrantedConsent access = conversation.session().accessConsent()
                .filter(consent -> consent.scope().isEmpty() || consent.scope().contains(account.externalId()))
                .orElseThrow(() -> Interruption.scaRequired(NOT_COVERED));
        try {
            KnownAccount known = conversation.session().account(account.externalId()).orElse(null);
            if (known == null) {
                accounts(conversation);
                known = conversation.session().account(account.externalId())
                        .orElseThrow(() -> Interruption.scaRequired(NOT_COVERED));
            }
            try {
                return report(conversation, access, known, since);
            } catch (BankError e) {
                if (!e.has("RESOURCE_UNKNOWN")) {
                    throw e;
                }
                // The bank's resource ids may change with a new consent: list again, then try once more.
                accounts(conversation);
                KnownAccount relisted = conversation.session().account(account.externalId())
                        .orElseThrow(() -> Interruption.scaRequired(NOT_COVERED));
                return report(conversation, access, relisted, since);
            }
        } catch (BankError e) {
            throw ErrorTable.interruption(e, conversation.ctx());
        }
    }

    /**
     * The whole report, or a {@link BankError}: the server takes the report as every operation from
     * {@code since} and marks those it no longer shows deleted, so a report cut short (a page without
     * its entries, a {@code next} that goes back to a page already read or never ends) must never pass
     * for one. A {@code next} to the page just read is taken as the last page.
     */
    private List<Transaction> report(Conversation conversation, GrantedConsent access, KnownAccount known,
                                     LocalDate since) {
        String currency = Json.text(known.details(), "currency").orElse("");
        String path = base(known) + "/transactions";
        String call = "GET " + path;
        TransactionReport report = new TransactionReport(call, known.card(), currency,
                LocalDate.ofInstant(conversation.ctx().clock().instant(), bank.data().zone()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("bookingStatus", "both");
        query.put("dateFrom", since.toString());
        Set<String> visited = new HashSet<>();
        for (int page = 0; path != null; page++) {
            if (page == MAX_PAGES || !visited.add(path)) {
                throw BankError.unusable(call, page == MAX_PAGES ? "the report runs over more than " + MAX_PAGES + " pages"
                        : "the next link of page " + page + " goes back to a page already read");
            }
            String target = path;
            Map<String, String> params = page == 0 ? query : Map.of();
            JsonNode body = conversation.onConsent(access.id(), client -> {
                Xs2aClient.Request request = client.xs2a("GET", target);
                params.forEach(request::query);
                return request;
            }).body();
            String field = known.card() ? "cardTransactions" : "transactions";
            JsonNode entries = body.path(field);
            if (!entries.isObject()) {
                // OpenAPI transactionsResponse-200_json: the report, or a download link in its place.
                path = Json.link(body, "download");
                if (path.isEmpty()) {
                    throw BankError.unusable(call, "a page has neither " + field + " nor a download link");
                }
                continue;
            }
            report.add(entries);
            String next = Optional.of(Json.link(entries, "next")).filter(link -> !link.isEmpty()).orElse(Json.link(body, "next"));
            path = next.isEmpty() || next.equals(target) ? null : next;
        }
        return report.transactions();
    }

    private static String base(KnownAccount known) {
        return (known.card() ? "/v1/card-accounts/" : "/v1/accounts/") + known.resourceId();
    }

    /**
     * The card accounts; none when the bank does not serve {@code /v1/card-accounts} (404, 405, or a
     * service or parameter it does not support).
     */
    private List<ObjectNode> cardAccounts(Conversation conversation, GrantedConsent consent) {
        try {
            return listed(conversation.onConsent(consent.id(), client -> client.xs2a("GET", "/v1/card-accounts")),
                    "cardAccounts");
        } catch (BankError e) {
            if (e.status() == 404 || e.status() == 405 || e.has("SERVICE_INVALID") || e.has("PARAMETER_NOT_SUPPORTED")) {
                conversation.ctx().log().info("The bank lists no card accounts: " + e.describe());
                return List.of();
            }
            throw e;
        }
    }

    /**
     * The account details of a list ({@code accountList}: {@code accounts}, {@code cardAccountList}:
     * {@code cardAccounts}, both required by the OpenAPI file, their items objects with a
     * {@code resourceId}): a list without them is unusable, never an empty list, which would take the
     * user's accounts away.
     */
    private static List<ObjectNode> listed(Xs2aClient.Response answer, String field) {
        JsonNode items = answer.body().path(field);
        BankError unusable = BankError.unusable(answer.call(), "the answer has no " + field + " list of accounts with a resourceId");
        if (!items.isArray()) {
            throw unusable;
        }
        List<ObjectNode> details = new ArrayList<>();
        items.forEach(item -> {
            if (!(item instanceof ObjectNode object) || Json.text(object, "resourceId").isEmpty()) {
                throw unusable;
            }
            details.add(object);
        });
        return details;
    }

    /** An account as listed, with its balances read when the list came without them but the consent grants them. */
    private KnownAccount known(Conversation conversation, GrantedConsent consent, ObjectNode listed, boolean card,
                               boolean withBalance) {
        ObjectNode details = listed.deepCopy();
        details.remove("_links");
        String resourceId = Json.text(details, "resourceId").orElseThrow();
        if (withBalance && !details.has("balances") && !Json.link(listed, "balances").isEmpty()) {
            String href = Json.link(listed, "balances");
            JsonNode balances = conversation.onConsent(consent.id(), client -> client.xs2a("GET", href)).body();
            details.set("balances", balances.path("balances"));
        }
        return new KnownAccount(AccountIds.externalId(details), resourceId, card, details);
    }

    private List<Account> mapped(List<KnownAccount> known) {
        return known.stream().map(k -> AccountMapping.account(k.details(), k.card(), bank.identity().bic()))
                .flatMap(Optional::stream).toList();
    }
}
