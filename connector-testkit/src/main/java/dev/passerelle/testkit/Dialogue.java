package dev.passerelle.testkit;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.Document;
import dev.passerelle.connector.DocumentFile;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.Investment;
import dev.passerelle.connector.InvestmentValue;
import dev.passerelle.connector.Profile;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Subscription;
import dev.passerelle.connector.Transaction;
import dev.passerelle.runtime.Called;
import dev.passerelle.runtime.ConnectionSecrets;
import dev.passerelle.runtime.ConnectorLifecycle;
import dev.passerelle.runtime.ConnectorLifecycle.Started;
import dev.passerelle.runtime.ConnectorRuntime;
import dev.passerelle.runtime.Interactions;
import dev.passerelle.runtime.LogLine;
import dev.passerelle.runtime.Presence;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.SourceCall;
import dev.passerelle.runtime.limits.Bulkheads;
import dev.passerelle.runtime.limits.CallObserver;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One connection source driven the way the server drives it, through the same runtime: the session
 * is threaded from call to call (and kept when a call throws), challenges are answered, redirects
 * are followed to the institution's pages and back, decoupled validations are polled as the clock
 * moves, and data are asked only where the server would ask them (activated accounts, declared
 * capabilities). Every call also checks the contract: a session that carries a password or a
 * secret setting in clear fails the test at once.
 *
 * <pre>{@code
 * Dialogue bank = Dialogue.with(new MyConnector()).field("login", "alice").field("password", "s3cret").build();
 * assertThat(bank.start()).isInstanceOf(StepResult.Challenge.class);
 * assertThat(bank.answer(Map.of("otp", "123456"))).isInstanceOf(StepResult.Success.class);
 * List<Account> accounts = bank.accounts();
 * }</pre>
 */
public final class Dialogue {

    /** The public URL the kit's server pretends to have: interactions' URLs live under it. */
    public static final String PUBLIC_URL = "https://passerelle.test/2.0";

    private final Connector connector;
    private final ConnectorDescriptor descriptor;
    private final SourceDescriptor source;
    private final AuthMechanism mechanism;
    private final Map<String, String> credentials;
    private final RunningConnector running;
    private final TestClock clock;
    private final PsuContext psu;
    private final long connectionId;
    private final ConnectorRuntime runtime;
    private final List<LogLine> log = new ArrayList<>();
    private final Set<String> activated = new HashSet<>();
    private String session;
    private Interaction interaction;
    private StepResult last;
    private RuntimeException lastFault;

    private Dialogue(Builder b) {
        this.connector = b.connector;
        this.descriptor = connector.descriptor();
        this.source = b.source == null ? descriptor.defaultSource() : descriptor.source(b.source)
                .orElseThrow(() -> new IllegalArgumentException("The connector has no source '" + b.source + "'"));
        this.mechanism = b.mechanism == null ? source.authMechanism() : b.mechanism;
        if (!source.availableAuthMechanisms().contains(mechanism)) {
            throw new IllegalArgumentException("Source '" + source.name() + "' does not accept " + mechanism);
        }
        this.credentials = new LinkedHashMap<>(b.credentials);
        Started started = b.http == null
                ? ConnectorLifecycle.start(connector, b.settings, b.clock, ConnectorLog.discarding())
                : ConnectorLifecycle.start(connector, b.settings, b.clock, ConnectorLog.discarding(), b.http);
        this.running = switch (started) {
            case Started.Running r -> r.connector();
            case Started.Refused r -> throw new IllegalArgumentException("The server would not run this connector: "
                    + r.reason(), r.cause());
        };
        this.clock = b.clock;
        this.psu = b.psu;
        this.connectionId = b.connectionId;
        this.session = b.session;
        // One user, never held up by the limits: the kit tests the connector, not the server's capacity.
        this.runtime = new ConnectorRuntime(clock, new Bulkheads(new Bulkheads.Limits(Integer.MAX_VALUE,
                Integer.MAX_VALUE, Duration.ZERO), CallObserver.none()), () -> PUBLIC_URL);
    }

    public static Builder with(Connector connector) {
        return new Builder(connector);
    }

    // ----- steps -----

    /**
     * Adds the source: the user, present, posts the field values ({@code POST /users/me/connections}),
     * or opens the institution's page ({@code GET /webauth}) on a source reached that way.
     */
    public StepResult start() {
        interaction = mechanism == AuthMechanism.WEBAUTH ? Interactions.mint(PUBLIC_URL) : null;
        return step(credentials.keySet(), true, (source, presence) -> runtime.start(running, source, presence));
    }

    /** The user posts new field values (credentials, a scenario): the source starts again with them. */
    public StepResult post(Map<String, String> values) {
        credentials.putAll(values);
        interaction = null;
        return step(values.keySet(), true, (source, presence) -> runtime.start(running, source, presence));
    }

    /** The user answers the pending challenge. */
    public StepResult answer(Map<String, String> answers) {
        return resume(answers.keySet(), new Resume.Answers(answers));
    }

    /** The server polls the pending decoupled validation once. */
    public StepResult poll() {
        return resume(Set.of(), new Resume.Poll());
    }

    /**
     * Polls the pending decoupled validation as the server does in the background: moves the clock
     * by each answer's {@code pollAfter} and polls again, until the answer is no longer
     * {@link StepResult.Decoupled} or the validation expired (then the last answer is returned).
     */
    public StepResult awaitDecoupled(Duration giveUpAfter) {
        Instant deadline = clock.instant().plus(giveUpAfter);
        StepResult current = last;
        while (current instanceof StepResult.Decoupled decoupled && clock.instant().isBefore(deadline)) {
            if (decoupled.expiresAt() != null && !clock.instant().isBefore(decoupled.expiresAt())) {
                return current;
            }
            clock.advance(decoupled.pollAfter().isZero() ? Duration.ofSeconds(1) : decoupled.pollAfter());
            current = poll();
        }
        return current;
    }

    /** The user gives up the pending challenge. */
    public StepResult cancel() {
        return resume(Set.of(), new Resume.Cancel());
    }

    /**
     * Follows the pending {@link StepResult.Redirect} with {@code browser} and hands the institution's
     * return to the connector, as the server's callback does.
     */
    public StepResult followRedirect(BankBrowser browser) {
        if (!(last instanceof StepResult.Redirect redirect)) {
            throw new AssertionError("No redirect is pending; the last outcome was " + last);
        }
        return returnFromInstitution(browser.visit(redirect.url()));
    }

    /** The institution sends the browser back to {@code url}: the server finds the interaction and resumes. */
    public StepResult returnFromInstitution(URI url) {
        Interaction pending = Optional.ofNullable(interaction)
                .orElseThrow(() -> new AssertionError("No interaction is pending"));
        Map<String, String> params = query(url);
        String path = url.getPath();
        boolean refused;
        if (path.equals(pending.callbackUrl().getPath())) {
            refused = false;
        } else if (path.equals(pending.refusalUrl().getPath())) {
            refused = true;
        } else if (path.equals(pending.registeredCallbackUrl().getPath())) {
            if (!pending.id().equals(params.get("state"))) {
                throw new AssertionError("The institution returned to the fixed callback without the interaction id "
                        + "as state: the server could not find this authentication (" + url + ")");
            }
            refused = false;
        } else {
            throw new AssertionError("The institution returned to " + url + ", none of the interaction's URLs");
        }
        return resume(Set.of(), new Resume.Callback(params, refused));
    }

    /** A refresh: {@code PUT} with the user ({@code psu_requested=true}) or the background sync without. */
    public StepResult sync(boolean userPresent) {
        interaction = null;
        return step(Set.of(), userPresent, (source, presence) -> runtime.sync(running, source, presence));
    }

    /** The post-activation hook of a {@link ConsentCapability} connector, with the activated accounts. */
    public StepResult accountsActivated() {
        if (!running.keepsConsent()) {
            throw new IllegalStateException("The connector does not implement ConsentCapability: the server calls no hook");
        }
        List<Account> accounts = accounts().stream().filter(a -> activated.contains(a.externalId())).toList();
        return step(Set.of(), true, (source, presence) -> runtime.accountsActivated(running, source, presence, accounts));
    }

    // ----- data -----

    /** The accounts the source shows. */
    public List<Account> accounts() {
        return data("accounts", source -> runtime.accounts(running, source));
    }

    /** The user activates accounts: only these get data calls, as on the server. */
    public Dialogue activate(Collection<Account> accounts) {
        accounts.forEach(account -> activated.add(account.externalId()));
        return this;
    }

    public Dialogue activate(Account... accounts) {
        return activate(Arrays.asList(accounts));
    }

    public List<Transaction> transactions(Account account, LocalDate since) {
        requireActivated(account);
        return data("transactions of " + account.externalId(), source -> runtime.transactions(running, source, account, since));
    }

    public List<Investment> investments(Account account) {
        requireActivated(account);
        requireCapability(Capability.WEALTH);
        return data("investments of " + account.externalId(), source -> runtime.investments(running, source, account));
    }

    public List<InvestmentValue> history(Account account, Investment investment) {
        requireActivated(account);
        requireCapability(Capability.WEALTH);
        return data("history of " + investment.externalId(),
                source -> runtime.history(running, source, account, investment));
    }

    public List<Subscription> subscriptions() {
        requireCapability(Capability.DOCUMENT);
        return data("subscriptions", source -> runtime.subscriptions(running, source));
    }

    public List<Document> documents(Subscription subscription) {
        requireCapability(Capability.DOCUMENT);
        return data("documents of " + subscription.externalId(),
                source -> runtime.documents(running, source, subscription));
    }

    public DocumentFile file(Subscription subscription, Document document) {
        requireCapability(Capability.DOCUMENT);
        return data("file of " + document.externalId(), source -> runtime.file(running, source, subscription, document));
    }

    public Optional<Profile> profile() {
        requireCapability(Capability.PROFILE);
        return data("profile", source -> runtime.profile(running, source));
    }

    /** Any call, its outcome as the runtime reports it (returned, interrupted or faulted), the session kept. */
    public <T> Called<T> call(boolean userPresent, Function<ConnectionContext, T> body) {
        return kept(runtime.call(running, sourceCall(), presence(Set.of(), userPresent), body));
    }

    // ----- what the server would know -----

    public TestClock clock() {
        return clock;
    }

    /** The session the connector left, as the server stores it. */
    public Optional<String> session() {
        return Optional.ofNullable(session);
    }

    /** Every line the connector and the runtime wrote, as the support timeline shows them. */
    public List<LogLine> log() {
        return List.copyOf(log);
    }

    /** The last step's outcome. */
    public StepResult last() {
        return last;
    }

    /** What the last step threw, if it threw: the server shows {@code bug}. */
    public Optional<RuntimeException> lastFault() {
        return Optional.ofNullable(lastFault);
    }

    /** The interaction of the pending redirect, as the server minted it. */
    public Optional<Interaction> interaction() {
        return Optional.ofNullable(interaction);
    }

    public Connector connector() {
        return connector;
    }

    public SourceDescriptor source() {
        return source;
    }

    // ----- internals -----

    private StepResult resume(Set<String> posted, Resume input) {
        return step(posted, true, (source, presence) -> runtime.resume(running, source, presence, input));
    }

    private StepResult step(Set<String> posted, boolean userPresent,
                            BiFunction<SourceCall, Presence, Called<StepResult>> call) {
        Called<StepResult> called = kept(call.apply(sourceCall(), presence(posted, userPresent)));
        lastFault = called instanceof Called.Faulted<StepResult> faulted ? faulted.fault() : null;
        last = Called.outcomeOf(called);
        return last;
    }

    private <T> T data(String what, Function<SourceCall, Called<T>> call) {
        Called<T> called = kept(call.apply(sourceCall()));
        return switch (called) {
            case Called.Returned<T> returned -> returned.value();
            case Called.Interrupted<T> interrupted -> throw new DataCallStopped(what, interrupted.outcome());
            case Called.Faulted<T> faulted -> throw new AssertionError("The connector threw during " + what, faulted.fault());
        };
    }

    /** What the server keeps of a call: the connector's lines and the session it left, checked. */
    private <T> Called<T> kept(Called<T> called) {
        log.addAll(called.lines());
        session = called.session().orElse(null);
        checkSession();
        return called;
    }

    private SourceCall sourceCall() {
        return new SourceCall(connectionId, connectionId, source.name(), mechanism, credentials, session);
    }

    private Presence presence(Set<String> posted, boolean userPresent) {
        return userPresent ? new Presence(true, posted, psu, interaction) : Presence.absent();
    }

    /** The values no session and no log line may carry: passwords and secret settings. */
    private Set<String> secrets() {
        return ConnectionSecrets.of(descriptor, running.settings(), credentials);
    }

    private void checkSession() {
        if (session == null) {
            return;
        }
        for (String secret : secrets()) {
            if (session.contains(secret)) {
                throw new AssertionError("The session carries a password or a secret setting in clear; "
                        + "keep tokens the institution grants, never what the user typed");
            }
        }
    }

    private void requireActivated(Account account) {
        if (!activated.contains(account.externalId())) {
            throw new IllegalStateException("The server asks data only of accounts the user activated: call "
                    + "activate(account) first for " + account.externalId());
        }
    }

    private void requireCapability(Capability declared) {
        if (!source.has(declared)) {
            throw new IllegalStateException("Source '" + source.name() + "' does not declare " + declared
                    + ": the server never asks it");
        }
        if (!running.reads(source.name(), declared)) {
            throw new AssertionError("The connector declares " + declared + " but does not implement its interface");
        }
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Builds a {@link Dialogue}. */
    public static final class Builder {

        private final Connector connector;
        private String source;
        private AuthMechanism mechanism;
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private TestClock clock = TestClock.at("2024-03-14T09:30:00Z");
        private InstitutionHttp http = InstitutionHttp.plain();
        private PsuContext psu = new PsuContext("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Passerelle test kit", "fr-FR");
        private long connectionId = 1;
        private String session;

        private Builder(Connector connector) {
            this.connector = connector;
        }

        /** The source to drive; the connector's default source when not given. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** How the source is added; the source's default mechanism when not given. */
        public Builder mechanism(AuthMechanism mechanism) {
            this.mechanism = mechanism;
            return this;
        }

        /** A field value the user gives. */
        public Builder field(String name, String value) {
            credentials.put(name, value);
            return this;
        }

        public Builder fields(Map<String, String> values) {
            credentials.putAll(values);
            return this;
        }

        /** A connector setting, as the operator configures it. */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        public Builder clock(TestClock clock) {
            this.clock = clock;
            return this;
        }

        /** The HTTP client to the institution: a {@link Cassette}'s recorder or player, say. */
        public Builder http(InstitutionHttp http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /**
         * Reaches the institution with the client the server builds from the connector's settings: the
         * certificate of its {@link dev.passerelle.connector.MutualTls} settings over TLS, its rate limit.
         */
        public Builder serverHttp() {
            this.http = null;
            return this;
        }

        public Builder psu(PsuContext psu) {
            this.psu = psu;
            return this;
        }

        public Builder connectionId(long connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        /** The session a previous dialogue left, as the server would hand it back. */
        public Builder session(String session) {
            this.session = session;
            return this;
        }

        public Dialogue build() {
            return new Dialogue(this);
        }
    }
}
