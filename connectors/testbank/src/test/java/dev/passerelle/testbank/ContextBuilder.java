package dev.passerelle.testbank;

import dev.passerelle.connector.ConnectionContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Builds the context of one call: a user of the test bank with the right password, on {@code directaccess}, at a fixed instant. */
final class ContextBuilder {

    static final Instant NOW = Instant.parse("2024-03-14T09:30:00Z");

    private String source = TestBankDescriptor.DIRECT_ACCESS;
    private final Map<String, String> credentials = new HashMap<>(Map.of("login", "alice", "password", "1234"));
    private final Set<String> posted = new HashSet<>();
    private final Map<String, String> settings = new HashMap<>();
    private String session;
    private boolean userPresent = true;
    private Instant now = NOW;
    private URI callbackUrl;

    static ContextBuilder aContext() {
        return new ContextBuilder();
    }

    ContextBuilder source(String source) {
        this.source = source;
        return this;
    }

    /** Chooses the scenario of the current source; call after {@link #source}. */
    ContextBuilder scenario(String value) {
        credentials.put(TestBankDescriptor.scenarioField(source), value);
        return this;
    }

    ContextBuilder login(String login) {
        credentials.put("login", login);
        return this;
    }

    ContextBuilder password(String password) {
        credentials.put("password", password);
        return this;
    }

    /** Removes login and password, as for a source added by web authentication. */
    ContextBuilder withoutCredentials() {
        credentials.remove("login");
        credentials.remove("password");
        return this;
    }

    ContextBuilder posted(String field) {
        posted.add(field);
        return this;
    }

    ContextBuilder session(String session) {
        this.session = session;
        return this;
    }

    ContextBuilder userAbsent() {
        this.userPresent = false;
        return this;
    }

    ContextBuilder at(Instant now) {
        this.now = now;
        return this;
    }

    ContextBuilder setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Where the server would bring the user back after a redirect to the bank. */
    ContextBuilder callback(URI callbackUrl) {
        this.callbackUrl = callbackUrl;
        return this;
    }

    ConnectionContext build() {
        return new ConnectionContext(7, source, credentials, posted, session, userPresent,
                Clock.fixed(now, ZoneOffset.UTC), settings, callbackUrl);
    }
}
