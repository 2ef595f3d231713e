package dev.passerelle.xs2a.simulator.bank;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.consent.Grant;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.http.Response;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import dev.passerelle.xs2a.simulator.sca.OAuthServer;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The account-information data: {@code /v1/accounts…} and {@code /v1/card-accounts…}. Each call needs a
 * valid consent in {@code Consent-ID} (and its OAuth access token for the OAuth approach) that covers
 * the resource; an unattended call (no {@code PSU-IP-Address}) counts against the consent's
 * {@code frequencyPerDay}, per resource and bank day, and past it the bank answers 429 ACCESS_EXCEEDED.
 */
public final class AccountEndpoints {

    private final Bank bank;
    private final OAuthServer oauth;
    private final AccountViews views;

    public AccountEndpoints(Bank bank, OAuthServer oauth) {
        this.bank = bank;
        this.oauth = oauth;
        this.views = new AccountViews(bank);
    }

    public Response accounts(Call call) {
        return list(call, false, "accounts");
    }

    public Response cardAccounts(Call call) {
        return list(call, true, "cardAccounts");
    }

    public Response details(Call call) {
        Access access = access(call);
        BankAccount account = access.account(call, Grant::accounts, "account");
        String field = account.card() ? "cardAccount" : "account";
        ObjectNode body = Json.object();
        body.set(field, views.details(account, access.grant, withBalance(call), access.ownerName()));
        return Response.json(200, body);
    }

    public Response balances(Call call) {
        Access access = access(call);
        BankAccount account = access.account(call, Grant::balances, "balances");
        ObjectNode body = Json.object();
        body.set(account.card() ? "cardAccount" : "account", views.reference(account));
        body.set("balances", views.balances(account));
        return Response.json(200, body);
    }

    /** Transactions, filtered by {@code bookingStatus} and dates, paged with {@code _links.next}. */
    public Response transactions(Call call) {
        Access access = access(call);
        BankAccount account = access.account(call, Grant::transactions, "transactions");
        TransactionQuery query = TransactionQuery.of(call, bank.today());
        PsuScenario scenario = bank.scenario(access.psuId);
        int bankPageSize = scenario.transactionsPerPage() != null ? scenario.transactionsPerPage()
                : bank.options().transactionsPerPage();
        TransactionQuery.Page page = query.page(query.select(bank.data().transactions(account, bank.today())),
                bankPageSize);

        ObjectNode report = Json.object();
        ArrayNode booked = query.booked() ? report.putArray("booked") : null;
        ArrayNode pending = query.pending() ? report.putArray("pending") : null;
        for (BankTransaction entry : page.entries()) {
            ObjectNode node = account.card() ? views.cardTransaction(account, entry, scenario.transactionIds())
                    : views.transaction(account, entry, scenario.transactionIds());
            (entry.pending() ? pending : booked).add(node);
        }
        ObjectNode links = report.putObject("_links");
        String path = AccountViews.basePath(account);
        Json.link(links, account.card() ? "cardAccount" : "account", bank.href(path));
        String list = path + "/transactions?";
        if (page.index() > 0) {
            Json.link(links, "first", bank.href(list + TransactionQuery.withPage(call, 0)));
            Json.link(links, "previous", bank.href(list + TransactionQuery.withPage(call, page.index() - 1)));
        }
        if (page.hasNext()) {
            Json.link(links, "next", bank.href(list + TransactionQuery.withPage(call, page.index() + 1)));
        }
        ObjectNode body = Json.object();
        body.set(account.card() ? "cardAccount" : "account", views.reference(account));
        body.set(account.card() ? "cardTransactions" : "transactions", report);
        if (withBalance(call) && access.grant.balances().contains(account.resourceId())) {
            body.set("balances", views.balances(account));
        }
        return Response.json(200, body);
    }

    public Response transactionDetails(Call call) {
        Access access = access(call);
        BankAccount account = access.account(call, Grant::transactions, "transactions");
        PsuScenario scenario = bank.scenario(access.psuId);
        String id = call.pathParam("transactionId");
        BankTransaction entry = bank.data().transactions(account, bank.today()).stream()
                .filter(t -> scenario.transactionIds() && t.transactionId().equals(id))
                .findFirst()
                .orElseThrow(() -> Xs2aException.of(TppMessageCode.RESOURCE_UNKNOWN, "Unknown transaction."));
        ObjectNode body = Json.object();
        body.set("transactionsDetails", views.transaction(account, entry, true));
        return Response.json(200, body);
    }

    private Response list(Call call, boolean cards, String field) {
        Access access = access(call);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray(field);
        for (BankAccount account : bank.accountsOf(access.psuId)) {
            if (account.card() == cards && access.grant.accounts().contains(account.resourceId())) {
                list.add(views.details(account, access.grant, withBalance(call), access.ownerName()));
            }
        }
        return Response.json(200, body);
    }

    /** The checked consent of a data call, its PSU and what it grants. */
    private final class Access {
        private final Consent consent;
        private final String psuId;
        private final Grant grant;

        private Access(Consent consent, String psuId, Grant grant) {
            this.consent = consent;
            this.psuId = psuId;
            this.grant = grant;
        }

        boolean ownerName() {
            return AccountViews.asksOwnerName(consent.access().json());
        }

        /** The account of the path, of the endpoint's kind, whose {@code what} the consent must cover. */
        BankAccount account(Call call, Function<Grant, Set<String>> right, String what) {
            boolean cards = call.endpoint().template().startsWith("/v1/card-accounts");
            String id = call.pathParam("account-id");
            BankAccount account = bank.accountsOf(psuId).stream()
                    .filter(a -> a.resourceId().equals(id) && a.card() == cards)
                    .findFirst()
                    .orElseThrow(() -> Xs2aException.of(TppMessageCode.RESOURCE_UNKNOWN, "Unknown account."));
            if (!right.apply(grant).contains(account.resourceId())) {
                throw Xs2aException.of(TppMessageCode.CONSENT_INVALID, "The consent does not cover the " + what
                        + " of this account.");
            }
            return account;
        }
    }

    private Access access(Call call) {
        String consentId = call.header("Consent-ID").orElseThrow(() ->
                Xs2aException.formatError("Consent-ID", "The Consent-ID header is required."));
        Consent consent = bank.consents().find(consentId).orElseThrow(() ->
                Xs2aException.of(TppMessageCode.CONSENT_UNKNOWN, "Unknown consent."));
        switch (consent.status()) {
            case VALID -> {
            }
            case EXPIRED -> throw Xs2aException.of(TppMessageCode.CONSENT_EXPIRED,
                    "The consent expired: ask the PSU for a new one.");
            case RECEIVED -> throw Xs2aException.of(TppMessageCode.CONSENT_INVALID,
                    "The consent is not authorised yet.");
            default -> throw Xs2aException.of(TppMessageCode.CONSENT_INVALID,
                    "The consent is " + consent.status().wire() + ".");
        }
        if (consent.approach() == ScaApproach.OAUTH) {
            oauth.requireToken(call, consent);
        }
        Grant grant = consent.grant().orElseThrow();
        Endpoint endpoint = call.endpoint();
        if (grant.listOnly() && endpoint != Endpoint.ACCOUNTS && endpoint != Endpoint.CARD_ACCOUNTS) {
            throw Xs2aException.of(TppMessageCode.CONSENT_INVALID,
                    "This consent only gives access to the list of available accounts.");
        }
        String psuId = consent.psuId().orElseThrow();
        countAccess(call, consent, bank.scenario(psuId));
        return new Access(consent, psuId, grant);
    }

    private void countAccess(Call call, Consent consent, PsuScenario scenario) {
        boolean unattended = call.header("PSU-IP-Address").isEmpty();
        LocalDate today = bank.today();
        String resource = call.endpoint() + "|" + call.pathParam("account-id");
        int count = consent.countAccess(unattended, today + "|" + resource);
        int limit = scenario.unattendedAccessesPerDay() == null ? consent.frequencyPerDay()
                : Math.min(consent.frequencyPerDay(), scenario.unattendedAccessesPerDay());
        if (unattended && count > limit) {
            ZonedDateTime midnight = today.plusDays(1).atStartOfDay(bank.options().zone());
            Duration untilTomorrow = Duration.between(bank.now(), midnight.toInstant());
            throw Xs2aException.retryable(TppMessageCode.ACCESS_EXCEEDED, "The consent allows " + limit
                    + " unattended access(es) a day to this resource; try again tomorrow.", untilTomorrow);
        }
    }

    private static boolean withBalance(Call call) {
        return call.query("withBalance").map(Boolean::parseBoolean).orElse(false);
    }
}
