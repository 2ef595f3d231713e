package dev.passerelle.client.flow;

import dev.passerelle.client.ConnectionFailedException;
import dev.passerelle.client.ConnectionService;
import dev.passerelle.client.ConnectionUpdate;
import dev.passerelle.client.RetryPolicy.Sleeper;
import dev.passerelle.client.WebauthUrlRequest;
import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.ConnectionState;
import dev.passerelle.client.model.ConnectorField;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Drives a connection through its states until nothing more can be done with the user
 * (docs/connections.md): it asks for one-time codes or new credentials through {@link FieldsPrompt},
 * waits for a validation in the bank's app reporting progress to a {@link DecoupledListener}
 * ({@code resume=true}, which the server holds a while), forces the sync a {@code SCARequired}
 * connection waits for, sends the user through the institution's pages with a {@link WebauthHandler}
 * when it asks for {@code webauthRequired}, and polls a {@code validating} background step for up to
 * {@code validatingTimeout}, so a server that answers {@code validating} for ever cannot hold it. It
 * returns the connection in its final state: {@code null} when it works, otherwise a state the user
 * cannot clear here ({@code actionNeeded}, {@code websiteUnavailable}, …), or the one they gave up
 * on (an empty answer), or {@code SCARequired} after a validation the user cancelled or let expire.
 *
 * <pre>{@code
 * Connection c = ConnectionFlow.with(api.me().connections())
 *         .onFields((connection, fields, message) -> Map.of("openapisms", console.readLine(message)))
 *         .onDecoupled((connection, elapsed) -> System.out.println("Validate in your app… " + elapsed.toSeconds() + " s"))
 *         .add(TEST_CONNECTOR, null, Map.of("login", "alice", "password", "1234"));
 * }</pre>
 */
public final class ConnectionFlow {

    /** Asks the user for the fields a connection requests (an OTP, a new password); empty to give up. */
    @FunctionalInterface
    public interface FieldsPrompt {
        /**
         * @param message the institution's words, e.g. "Dites abcd", or that the last code was wrong; may be null
         */
        Map<String, String> ask(Connection connection, List<ConnectorField> fields, String message)
                throws InterruptedException;
    }

    /** Told while the user validates in their bank's app: at the start and after each wait of the server. */
    @FunctionalInterface
    public interface DecoupledListener {
        void waiting(Connection connection, Duration elapsed);
    }

    /**
     * Opens a webauth URL in the user's browser; returns the redirect URI the journey ended on when the
     * integrator's page caught it, or empty to let the flow watch the connection instead.
     */
    @FunctionalInterface
    public interface WebauthHandler {
        Optional<URI> open(URI url) throws InterruptedException;
    }

    /** Where webauth journeys end: a client application and one of its whitelisted redirect URIs. */
    private record Webauth(long clientId, String redirectUri, WebauthHandler handler) {
    }

    private final ConnectionService connections;
    private FieldsPrompt prompt;
    private DecoupledListener decoupled = (connection, elapsed) -> { };
    private Webauth webauth;
    private Duration decoupledTimeout = Duration.ofMinutes(10);
    private Duration webauthTimeout = Duration.ofMinutes(10);
    private Duration validatingTimeout = Duration.ofMinutes(10);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Thread::sleep;

    private ConnectionFlow(ConnectionService connections) {
        this.connections = connections;
    }

    /** A flow on a user's connections; without callbacks it stops at the first state that needs the user. */
    public static ConnectionFlow with(ConnectionService connections) {
        return new ConnectionFlow(connections);
    }

    public ConnectionFlow onFields(FieldsPrompt value) {
        this.prompt = value;
        return this;
    }

    public ConnectionFlow onDecoupled(DecoupledListener value) {
        this.decoupled = value;
        return this;
    }

    public ConnectionFlow onWebauth(long clientId, String redirectUri, WebauthHandler handler) {
        this.webauth = new Webauth(clientId, redirectUri, handler);
        return this;
    }

    /** How long to wait for a validation in the bank's app before returning the connection still {@code decoupled}. */
    public ConnectionFlow decoupledTimeout(Duration value) {
        this.decoupledTimeout = value;
        return this;
    }

    /** How long a webauth journey the flow watches may take. */
    public ConnectionFlow webauthTimeout(Duration value) {
        this.webauthTimeout = value;
        return this;
    }

    /** How long to poll a background step ({@code validating}) before returning the connection still in it. */
    public ConnectionFlow validatingTimeout(Duration value) {
        this.validatingTimeout = value;
        return this;
    }

    /** Between two looks at a connection that runs in the background or waits on a browser. */
    public ConnectionFlow pollInterval(Duration value) {
        this.pollInterval = value;
        return this;
    }

    public ConnectionFlow clock(Clock value) {
        this.clock = value;
        return this;
    }

    public ConnectionFlow sleeper(Sleeper value) {
        this.sleeper = value;
        return this;
    }

    /**
     * Adds a connection with credentials on {@code source} (null: the connector's default) and drives it.
     *
     * @throws ConnectionFailedException when the institution refused the credentials: nothing was kept
     */
    public Connection add(UUID connector, String source, Map<String, String> fields) throws InterruptedException {
        return drive(connections.create(connector, source, fields));
    }

    /**
     * Adds a connection through the institution's own pages ({@code /webauth-url}) and drives it.
     *
     * @throws WebauthFailedException when the user refused, the journey failed or did not end in time
     */
    public Connection addByWebauth(UUID connector, String source, Map<String, String> fields)
            throws InterruptedException {
        Webauth journey = requireWebauth();
        Set<Long> before = ids(connections.list());
        URI url = connections.webauthUrl(WebauthUrlRequest.newConnection(journey.clientId(), journey.redirectUri(), connector)
                .withSource(source).withFields(fields));
        Optional<URI> redirect = journey.handler().open(url);
        long id = redirect.isPresent() ? returned(redirect.get()) : awaitNewConnection(before);
        return drive(connections.get(id), true);
    }

    /** Drives an existing connection from the state it is in: reconnects it when it waits on the user. */
    public Connection resume(long connection) throws InterruptedException {
        return drive(connections.get(connection));
    }

    /** Syncs a connection with the user present ({@code PUT}) and drives what it asks. */
    public Connection sync(long connection) throws InterruptedException {
        return drive(connections.sync(connection));
    }

    private Connection drive(Connection connection) throws InterruptedException {
        return drive(connection, false);
    }

    private Connection drive(Connection start, boolean webauthDone) throws InterruptedException {
        Connection connection = start;
        boolean userAsked = false;
        boolean scaForced = false;
        boolean redirected = webauthDone;
        ConnectionState waitingIn = null;
        Instant since = null;
        while (connection.state() != null) {
            ConnectionState state = connection.state();
            Instant now = clock.instant();
            if (state != waitingIn) {
                waitingIn = state;
                since = now;
            }
            Duration elapsed = Duration.between(since, now);
            switch (state) {
                case ADDITIONAL_INFORMATION_NEEDED, WRONGPASS, PASSWORD_EXPIRED -> {
                    Map<String, String> answers = ask(connection);
                    if (answers.isEmpty()) {
                        return connection;
                    }
                    userAsked = true;
                    connection = post(connection.id(), ConnectionUpdate.fields(answers));
                }
                case DECOUPLED -> {
                    decoupled.waiting(connection, elapsed);
                    if (elapsed.compareTo(decoupledTimeout) >= 0) {
                        return connection;
                    }
                    userAsked = true;
                    connection = post(connection.id(), ConnectionUpdate.resumeDecoupled());
                }
                case VALIDATING -> {
                    if (elapsed.compareTo(validatingTimeout) >= 0) {
                        return connection;
                    }
                    sleeper.sleep(pollInterval);
                    connection = connections.get(connection.id());
                }
                case SCA_REQUIRED -> {
                    // Forced once, and not after the user was asked: then it means they cancelled or let it expire.
                    if (scaForced || userAsked) {
                        return connection;
                    }
                    scaForced = true;
                    connection = connections.sync(connection.id());
                }
                case WEBAUTH_REQUIRED -> {
                    if (redirected || webauth == null) {
                        return connection;
                    }
                    redirected = true;
                    connection = reconnect(connection);
                }
                default -> {
                    return connection;
                }
            }
        }
        return connection;
    }

    private Map<String, String> ask(Connection connection) throws InterruptedException {
        if (prompt == null || connection.requestedFields().isEmpty()) {
            return Map.of();
        }
        Map<String, String> answers = prompt.ask(connection, connection.requestedFields(), connection.errorMessage());
        return answers == null ? Map.of() : answers;
    }

    /** A {@code POST}; a refusal (400) leaves its state on the connection, read again. */
    private Connection post(long id, ConnectionUpdate update) {
        try {
            return connections.update(id, update);
        } catch (ConnectionFailedException refused) {
            return connections.get(id);
        }
    }

    private Connection reconnect(Connection connection) throws InterruptedException {
        Webauth journey = requireWebauth();
        URI url = connections.webauthUrl(WebauthUrlRequest.reconnect(journey.clientId(), journey.redirectUri(),
                connection.id()));
        Optional<URI> redirect = journey.handler().open(url);
        if (redirect.isPresent()) {
            return connections.get(connection.id()); // a refusal leaves it webauthRequired, with the institution's message
        }
        Instant deadline = clock.instant().plus(webauthTimeout);
        Connection seen = connections.get(connection.id());
        while (seen.state() == ConnectionState.WEBAUTH_REQUIRED && clock.instant().isBefore(deadline)) {
            sleeper.sleep(pollInterval);
            seen = connections.get(connection.id());
        }
        return seen;
    }

    private long returned(URI redirect) {
        WebauthReturn back = WebauthReturn.parse(redirect);
        if (!back.succeeded()) {
            throw new WebauthFailedException(back.error() == null ? "server_error" : back.error(), back.errorDescription());
        }
        return back.idConnection();
    }

    /**
     * Watches the user's connections for the one the journey creates (at once, waiting for the
     * redirect), until it leaves {@code webauthRequired}; a refused one is deleted.
     */
    private long awaitNewConnection(Set<Long> before) throws InterruptedException {
        Instant deadline = clock.instant().plus(webauthTimeout);
        Long seen = null;
        while (clock.instant().isBefore(deadline)) {
            List<Connection> now = connections.list();
            Optional<Connection> created = now.stream().filter(c -> !before.contains(c.id())).findFirst();
            if (created.isPresent() && created.get().state() != ConnectionState.WEBAUTH_REQUIRED) {
                return created.get().id();
            }
            if (created.isEmpty() && seen != null) {
                throw new WebauthFailedException("access_denied", "The connection was refused at the institution");
            }
            seen = created.map(Connection::id).orElse(seen);
            sleeper.sleep(pollInterval);
        }
        throw new WebauthFailedException("timeout", "The journey did not end within " + webauthTimeout);
    }

    private Webauth requireWebauth() {
        if (webauth == null) {
            throw new IllegalStateException("onWebauth(clientId, redirectUri, handler) is needed for web authentication");
        }
        return webauth;
    }

    private static Set<Long> ids(List<Connection> list) {
        return list.stream().map(Connection::id).collect(Collectors.toSet());
    }
}
