package dev.passerelle.berlingroup.consent;

import dev.passerelle.berlingroup.data.AccountData;
import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.ConsentModel;
import dev.passerelle.berlingroup.directory.ScaApproach;
import dev.passerelle.berlingroup.oauth.OAuthTokens;
import dev.passerelle.berlingroup.sca.Known;
import dev.passerelle.berlingroup.sca.Next;
import dev.passerelle.berlingroup.sca.ScaDriver;
import dev.passerelle.berlingroup.session.Conversation;
import dev.passerelle.berlingroup.session.GrantedConsent;
import dev.passerelle.berlingroup.session.KnownAccount;
import dev.passerelle.berlingroup.session.Pending;
import dev.passerelle.berlingroup.session.Pending.Purpose;
import dev.passerelle.berlingroup.transport.BankError;
import dev.passerelle.berlingroup.transport.ErrorTable;
import dev.passerelle.berlingroup.transport.Json;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Consent;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The life of a connection's consents (implementation guidelines, "Establish Account Information
 * Consent", "Get Status Request", "Delete an Account Information Consent Object"): created by the
 * bank's model, authorised through {@link ScaDriver}, read back once valid (the bank may shorten
 * {@code validUntil} and lower {@code frequencyPerDay}), replaced by a dedicated one when the user
 * activates accounts (detailed model), checked on every sync, deleted when the connection goes.
 */
public final class ConsentFlow {

    static final String AUTHENTICATE_AT_BANK = "Authenticate at your bank to renew the access";
    static final String CONSENT_TO_CHOSEN = "The bank needs your consent to the accounts you chose";

    private final Aspsp bank;
    private final ScaDriver driver;
    private final AccountData data;

    public ConsentFlow(Aspsp bank, ScaDriver driver, AccountData data) {
        this.bank = bank;
        this.driver = driver;
        this.data = data;
    }

    /**
     * A new consent: the account list first under the detailed model (or, when renewing, a dedicated
     * consent on the accounts of the one that ended), else the model's recurring consent.
     */
    public StepResult start(Conversation c, Known known) {
        LocalDate today = today(c);
        if (bank.consent().model() != ConsentModel.DETAILED) {
            return begin(c, Purpose.ACCESS, ConsentRequests.recurring(bank, today), List.of(), known);
        }
        List<String> wanted = !c.session().chosen().isEmpty() ? c.session().chosen()
                : c.session().accessConsent().map(GrantedConsent::scope).orElse(List.of());
        List<KnownAccount> accounts = c.session().accounts().stream()
                .filter(account -> wanted.contains(account.externalId())).toList();
        return accounts.isEmpty() ? begin(c, Purpose.LISTING, ConsentRequests.listing(bank, today), List.of(), known)
                : begin(c, Purpose.ACCESS, ConsentRequests.dedicated(bank, today, accounts),
                accounts.stream().map(KnownAccount::externalId).toList(), known);
    }

    /**
     * The user activated accounts: under the detailed model, a consent on exactly those (unless the
     * current one already is); under the others, the current consent covers them.
     */
    public StepResult activated(Conversation c, List<Account> activated, Known known) {
        List<String> scope = activated.stream().map(Account::externalId).distinct().toList();
        Optional<GrantedConsent> access = c.session().accessConsent();
        if (bank.consent().model() != ConsentModel.DETAILED || scope.isEmpty()
                || access.filter(consent -> new HashSet<>(consent.scope()).equals(new HashSet<>(scope))).isPresent()) {
            return current(c);
        }
        if (!c.ctx().userPresent()) {
            // The server may call the hook from the user's request without the user's browser: the next
            // authentication (a web authentication, a sync with the user) asks for these accounts.
            c.update(session -> session.withChosen(scope));
            return new StepResult.ScaRequired(CONSENT_TO_CHOSEN);
        }
        List<KnownAccount> accounts = c.session().accounts().stream()
                .filter(account -> scope.contains(account.externalId())).toList();
        return begin(c, Purpose.ACCESS, ConsentRequests.dedicated(bank, today(c), accounts),
                accounts.stream().map(KnownAccount::externalId).toList(), known);
    }

    /** Continues the authorisation in progress. */
    public StepResult resume(Conversation c, Resume input, Known known) {
        Optional<Pending> pending = c.session().pendingAuthorisation();
        if (pending.isEmpty()) {
            return new StepResult.ScaRequired("No authentication is in progress: please authenticate again");
        }
        try {
            return settle(c, driver.resume(c, pending.get(), input, known));
        } catch (BankError e) {
            ErrorTable.Meaning meaning = ErrorTable.meaning(e);
            if (input instanceof Resume.Poll && (meaning == ErrorTable.Meaning.UNAVAILABLE
                    || meaning == ErrorTable.Meaning.RATE_LIMITED)) {
                // A hiccup while the user approves in the app: keep waiting until the approval expires.
                c.ctx().log().info("Polling the approval failed, trying again later: " + e.describe());
                return new StepResult.Decoupled("Confirm the access in your banking app", e.retryAfter()
                        .orElse(Duration.ofSeconds(5)), pending.get().expiresAt());
            }
            c.update(session -> session.withPending(null));
            return ErrorTable.outcome(e, c.ctx());
        }
    }

    /**
     * A sync: is the consent data calls use still valid? When it ended and the user is present with
     * what a new one needs, a new one starts at once; otherwise the user is asked to authenticate.
     */
    public StepResult check(Conversation c, Known known) {
        Optional<GrantedConsent> consent = Optional.ofNullable(c.session().access()).or(() ->
                Optional.ofNullable(c.session().listing()));
        boolean chosenWait = c.session().access() == null && !c.session().chosen().isEmpty();
        try {
            if (consent.isPresent() && !chosenWait) {
                String status = c.aboutConsent(consent.get().id(), client -> client.xs2a("GET",
                        "/v1/consents/" + consent.get().id() + "/status")).required("consentStatus");
                if (status.equals("valid")) {
                    return StepResult.Success.granting(consentOf(consent.get()));
                }
                c.ctx().log().info("The bank says consent " + consent.get().id() + " is " + status);
            }
        } catch (BankError e) {
            StepResult outcome = ErrorTable.outcome(e, c.ctx());
            if (!(outcome instanceof StepResult.ConsentExpired)) {
                return outcome;
            }
        }
        ConnectionContext ctx = c.ctx();
        boolean canRenewNow = ctx.userPresent() && (ctx.mechanism() == AuthMechanism.CREDENTIALS
                ? known.password() != null : ctx.interaction().isPresent());
        if (canRenewNow) {
            return start(c, known);
        }
        return chosenWait ? new StepResult.ScaRequired(CONSENT_TO_CHOSEN)
                : new StepResult.ConsentExpired(ErrorTable.CONSENT_ENDED_MESSAGE);
    }

    /** Deletes every consent of the connection at the bank; best effort, each failure logged. */
    public void revoke(Conversation c) {
        Stream.of(Optional.ofNullable(c.session().access()).map(GrantedConsent::id),
                        Optional.ofNullable(c.session().listing()).map(GrantedConsent::id),
                        c.session().pendingAuthorisation().map(Pending::consentId))
                .flatMap(Optional::stream).distinct().forEach(id -> delete(c, id));
        c.update(session -> session.withAccess(null).withListing(null).withPending(null));
    }

    private StepResult begin(Conversation c, Purpose purpose, ObjectNode body, List<String> scope, Known known) {
        ConnectionContext ctx = c.ctx();
        Optional<ScaApproach> preferred = preferred(ctx);
        if (preferred.isEmpty()) {
            return new StepResult.WebauthRequired(AUTHENTICATE_AT_BANK);
        }
        try {
            Xs2aClient.Request request = c.client().xs2a("POST", "/v1/consents")
                    .header("PSU-ID", known.psuId())
                    .header("TPP-Redirect-Preferred", String.valueOf(preferred.get().redirects()))
                    .header("TPP-Decoupled-Preferred", preferred.get() == ScaApproach.DECOUPLED ? "true" : null)
                    .header("TPP-Explicit-Authorisation-Preferred", bank.sca().explicitAuthorisation() ? "true" : null)
                    .psu(ctx)
                    .json(body);
            ctx.interaction().ifPresent(interaction -> request
                    .header("TPP-Redirect-URI", interaction.callbackUrl().toString())
                    .header("TPP-Nok-Redirect-URI", interaction.refusalUrl().toString()));
            Xs2aClient.Response created = request.send(ctx);
            String consentId = created.required("consentId");
            Pending pending = new Pending(purpose, consentId, known.psuId(), null, Pending.Step.RETURN, Json.links(created.body()),
                    created.body(), scope, null, null, null);
            return settle(c, driver.begin(c, pending, created, known));
        } catch (BankError e) {
            c.update(session -> session.withPending(null));
            return ErrorTable.creationOutcome(e, ctx);
        }
    }

    /**
     * The approach to ask for: embedded on the credentials source; on the other, the first the bank's
     * configuration lists that fits the call: a redirect only when the user's browser can come back
     * (an interaction); decoupled even without a user id (the bank then asks for it, and so does the
     * connector). Empty when none fits.
     */
    private Optional<ScaApproach> preferred(ConnectionContext ctx) {
        if (ctx.mechanism() == AuthMechanism.CREDENTIALS) {
            return Optional.of(ScaApproach.EMBEDDED);
        }
        return bank.sca().approaches().stream()
                .filter(ScaApproach::webauth)
                .filter(approach -> !approach.redirects() || ctx.interaction().isPresent())
                .findFirst();
    }

    private StepResult settle(Conversation c, Next next) {
        return switch (next) {
            case Next.Ask ask -> pending(c, ask.pending(), ask.challenge());
            case Next.Go go -> pending(c, go.pending(), go.redirect());
            case Next.Await await -> pending(c, await.pending(), await.decoupled());
            case Next.Done done -> finish(c, done.pending(), done.tokens());
            case Next.Stop stop -> {
                if (stop.withdraw()) {
                    c.session().pendingAuthorisation().ifPresent(pending -> delete(c, pending.consentId()));
                }
                c.update(session -> session.withPending(null));
                yield stop.outcome();
            }
        };
    }

    private static StepResult pending(Conversation c, Pending pending, StepResult outcome) {
        c.update(session -> session.withPending(pending));
        return outcome;
    }

    /** The authorisation is done: read the consent as granted, and put it to use. */
    private StepResult finish(Conversation c, Pending pending, OAuthTokens tokens) {
        Xs2aClient.Response read = c.client().xs2a("GET", "/v1/consents/" + pending.consentId())
                .header("Authorization", tokens == null ? null : "Bearer " + tokens.accessToken())
                .psu(c.ctx()).send(c.ctx());
        String status = read.required("consentStatus");
        JsonNode consent = read.body();
        if (status.equals("received") || status.equals("partiallyAuthorised")) {
            c.ctx().log().info("Consent " + pending.consentId() + " is " + status + " after its authorisation: "
                    + "waiting for the bank to confirm it");
            return settle(c, driver.confirming(c, pending, tokens));
        }
        if (!status.equals("valid")) {
            c.ctx().log().info("Consent " + pending.consentId() + " is " + status + " after its authorisation");
            c.update(session -> session.withPending(null));
            return status.equals("rejected") ? new StepResult.WebauthRequired(ScaDriver.REFUSED_AT_BANK)
                    : new StepResult.ConsentExpired(ErrorTable.CONSENT_ENDED_MESSAGE);
        }
        // A consent granted now is valid today at least: a validUntil already past (0001-01-01) is a
        // slip, read as today like a missing one, not as an access that expired before it began.
        LocalDate validUntil = Json.date(consent, "validUntil").filter(until -> !until.isBefore(today(c))).orElse(today(c));
        int frequency = consent.path("frequencyPerDay").asInt(pending.purpose() == Purpose.LISTING ? 1
                : bank.consent().frequencyPerDay());
        GrantedConsent granted = new GrantedConsent(pending.consentId(), validUntil, Math.max(1, frequency),
                pending.scope(), tokens);
        if (pending.purpose() == Purpose.LISTING) {
            c.update(session -> session.withListing(granted).withPending(null));
            List<KnownAccount> listed = data.list(c, granted, bank.consent().availableAccountsWithBalance());
            c.update(session -> session.withAccounts(listed));
        } else {
            Set<String> superseded = new LinkedHashSet<>();
            Stream.of(c.session().access(), c.session().listing()).filter(Objects::nonNull).map(GrantedConsent::id)
                    .filter(id -> !id.equals(granted.id())).forEach(superseded::add);
            superseded.forEach(id -> delete(c, id));
            c.update(session -> session.withAccess(granted).withListing(null).withPending(null).withChosen(List.of()));
        }
        return StepResult.Success.granting(consentOf(granted));
    }

    private StepResult current(Conversation c) {
        return Optional.ofNullable(c.session().access()).or(() -> Optional.ofNullable(c.session().listing()))
                .<StepResult>map(consent -> StepResult.Success.granting(consentOf(consent)))
                .orElseGet(StepResult.Success::of);
    }

    /** The consent as the server tracks it: valid to the end of its last day in the bank's zone. */
    private Consent consentOf(GrantedConsent granted) {
        return new Consent(granted.validUntil().plusDays(1).atStartOfDay(bank.data().zone()).toInstant(),
                granted.frequencyPerDay(), Set.copyOf(granted.scope()));
    }

    private LocalDate today(Conversation c) {
        return LocalDate.ofInstant(c.ctx().clock().instant(), bank.data().zone());
    }

    /** Deletes a consent at the bank, best effort: the connection goes on (or away) whatever the bank says. */
    private static void delete(Conversation c, String consentId) {
        try {
            c.aboutConsent(consentId, client -> client.xs2a("DELETE", "/v1/consents/" + consentId));
            c.ctx().log().info("Consent " + consentId + " deleted at the bank");
        } catch (BankError e) {
            c.ctx().log().info("Consent " + consentId + " could not be deleted at the bank: " + e.describe());
        }
    }
}
