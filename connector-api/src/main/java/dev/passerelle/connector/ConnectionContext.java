package dev.passerelle.connector;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a connector may know about one call on one connection source, and the one thing it
 * writes: the session. The server builds a context per call ({@link #builder()} is for the server
 * and the connector test kit) and, after the call, stores the session the connector left in it,
 * encrypted, whatever the call answered or threw, data calls included.
 */
public final class ConnectionContext {

    private final long connectionId;
    private final String source;
    private final AuthMechanism mechanism;
    private final Map<String, String> credentials;
    private final Set<String> postedFields;
    private final boolean userPresent;
    private final PsuContext psu;
    private final Clock clock;
    private final Settings settings;
    private final Interaction interaction;
    private final InstitutionHttp http;
    private final ConnectorLog log;
    private String session;
    private boolean sessionWritten;

    private ConnectionContext(Builder b) {
        this.connectionId = b.connectionId;
        this.source = Objects.requireNonNull(b.source, "source");
        this.mechanism = Objects.requireNonNull(b.mechanism, "mechanism");
        this.credentials = Map.copyOf(b.credentials);
        this.postedFields = Set.copyOf(b.postedFields);
        this.userPresent = b.userPresent;
        this.psu = b.psu;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.interaction = b.interaction;
        this.http = Objects.requireNonNull(b.http, "http");
        this.log = Objects.requireNonNull(b.log, "log");
        this.session = b.session;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server's connection id: stable, fit for the institution's logs. */
    public long connectionId() {
        return connectionId;
    }

    /** The connector source being driven ({@code directaccess}, {@code openapi}, …). */
    public String source() {
        return source;
    }

    /** How the source was added: with credentials the user typed, or on the institution's pages. */
    public AuthMechanism mechanism() {
        return mechanism;
    }

    /** Every stored field value of the connection, decrypted, plus this call's posted values. */
    public Map<String, String> credentials() {
        return credentials;
    }

    /** The value of one field, if the user gave one. */
    public Optional<String> credential(String name) {
        return Optional.ofNullable(credentials.get(name)).filter(v -> !v.isEmpty());
    }

    /** The names of the fields posted in this very call: tells a retry from a correction. */
    public Set<String> postedFields() {
        return postedFields;
    }

    /**
     * Whether the end user asked for this call. A strong customer authentication may only start when
     * true (PSD2 RTS art. 10): answer {@link StepResult.ScaRequired} otherwise.
     */
    public boolean userPresent() {
        return userPresent;
    }

    /** The user's request, when they are present and the call comes from one. */
    public Optional<PsuContext> psu() {
        return Optional.ofNullable(psu);
    }

    /** The server's clock: read time only from here, so that tests and the sandbox can move it. */
    public Clock clock() {
        return clock;
    }

    /** The connector's settings, typed by its descriptor's {@link SettingSpec}s. */
    public Settings settings() {
        return settings;
    }

    /**
     * The trip the server minted for a call that may send the user to the institution's pages;
     * empty when the call cannot redirect (a background sync, a data call).
     */
    public Optional<Interaction> interaction() {
        return Optional.ofNullable(interaction);
    }

    /** The HTTP client to reach the institution with (mutual TLS, rate limit, record and replay). */
    public InstitutionHttp http() {
        return http;
    }

    /** Lines for the connection's support timeline. */
    public ConnectorLog log() {
        return log;
    }

    /** The session left by the previous call on this source (or by this call); empty on first contact. */
    public Optional<String> session() {
        return Optional.ofNullable(session);
    }

    /** Replaces the session: the server stores it after the call, whatever the call answers or throws. */
    public void saveSession(String session) {
        this.session = Objects.requireNonNull(session, "session; use clearSession()");
        this.sessionWritten = true;
    }

    /** Forgets the session: the next call starts as on first contact. */
    public void clearSession() {
        this.session = null;
        this.sessionWritten = true;
    }

    /** Whether the connector wrote the session during this call (for the server and the test kit). */
    public boolean sessionWritten() {
        return sessionWritten;
    }

    @Override
    public String toString() {
        return "ConnectionContext[connection " + connectionId + ", " + source + ", " + mechanism
                + (userPresent ? ", user present" : "") + "]"; // never credentials or the session
    }

    /** Builds a context: the server's job, and the test kit's. */
    public static final class Builder {

        private long connectionId;
        private String source;
        private AuthMechanism mechanism = AuthMechanism.CREDENTIALS;
        private Map<String, String> credentials = Map.of();
        private Set<String> postedFields = Set.of();
        private boolean userPresent;
        private PsuContext psu;
        private Clock clock;
        private Settings settings = Settings.none();
        private Interaction interaction;
        private InstitutionHttp http = InstitutionHttp.plain();
        private ConnectorLog log = ConnectorLog.discarding();
        private String session;

        private Builder() {
        }

        public Builder connectionId(long connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder mechanism(AuthMechanism mechanism) {
            this.mechanism = mechanism;
            return this;
        }

        public Builder credentials(Map<String, String> credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder postedFields(Set<String> postedFields) {
            this.postedFields = postedFields;
            return this;
        }

        public Builder userPresent(boolean userPresent) {
            this.userPresent = userPresent;
            return this;
        }

        public Builder psu(PsuContext psu) {
            this.psu = psu;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        public Builder interaction(Interaction interaction) {
            this.interaction = interaction;
            return this;
        }

        public Builder http(InstitutionHttp http) {
            this.http = http;
            return this;
        }

        public Builder log(ConnectorLog log) {
            this.log = log;
            return this;
        }

        public Builder session(String session) {
            this.session = session;
            return this;
        }

        public ConnectionContext build() {
            return new ConnectionContext(this);
        }
    }
}
