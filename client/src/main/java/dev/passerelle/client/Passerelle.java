package dev.passerelle.client;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.passerelle.client.model.AccountType;
import dev.passerelle.client.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The client of one API root, e.g. {@code http://localhost:8080/2.0} or a Powens domain's
 * {@code https://<domain>.biapi.pro/2.0}, acting with one bearer token (a user's, the config
 * token, or none for the public routes). Thread-safe; {@link #withToken(String)} shares its HTTP
 * client, retry policy and the server's public key.
 *
 * <pre>{@code
 * Passerelle api = Passerelle.builder("http://localhost:8080/2.0").build();
 * AuthToken user = api.auth().init(10000001, secret);
 * Passerelle alice = api.withToken(user.authToken());
 * alice.me().connections().create(TEST_CONNECTOR, Map.of("login", "alice", "password", "1234"));
 * }</pre>
 */
public final class Passerelle {

    private final Transport transport;
    private final FieldEncryptor encryptor;
    private final boolean encryptFields;

    private Passerelle(Transport transport, FieldEncryptor encryptor, boolean encryptFields) {
        this.transport = transport;
        this.encryptor = encryptor;
        this.encryptFields = encryptFields;
    }

    public static Builder builder(String apiRoot) {
        return new Builder(URI.create(apiRoot));
    }

    /** The same client acting with another bearer token. */
    public Passerelle withToken(String token) {
        return new Passerelle(transport.withToken(token), encryptor, encryptFields);
    }

    /** The API root calls are made against. */
    public URI apiRoot() {
        return transport.root();
    }

    public AuthService auth() {
        return new AuthService(transport);
    }

    public ConnectorService connectors() {
        return new ConnectorService(transport);
    }

    /** The bearer's own user ({@code /users/me}): a user token's. */
    public UserService me() {
        return new UserService(transport, "me", fieldEncryption());
    }

    /** Any user by id: the config token's view (or a user token on its own id). */
    public UserService user(long id) {
        return new UserService(transport, Long.toString(id), fieldEncryption());
    }

    /** {@code GET /users}: every user (config token). */
    public List<User> users() {
        return transport.list("GET", "/users", null, null, "users", User.class);
    }

    /** Webhook endpoints, deliveries, test events and the listener stream (config token). */
    public WebhookService webhooks() {
        return new WebhookService(transport);
    }

    /** The server's sandbox clock (config token; sandbox mode only). */
    public TestClockService testClock() {
        return new TestClockService(transport, "/test/clock");
    }

    /** {@code GET /account_types}: the fixed catalogue of account types. */
    public List<AccountType> accountTypes() {
        return transport.list("GET", "/account_types", null, null, "accounttypes", AccountType.class);
    }

    public AccountType accountType(int id) {
        return transport.get("/account_types/" + id, null, AccountType.class);
    }

    /** {@code GET /publickey}: the RSA key field values are encrypted for. */
    public RSAKey publicKey() {
        return publishedKey(transport);
    }

    /** {@code GET /.well-known/jwks.json}: every key that still decrypts (rotation). */
    public JWKSet jwks() {
        try {
            return JWKSet.parse(Wire.json().writeValueAsString(transport.get("/.well-known/jwks.json", null, JsonNode.class)));
        } catch (ParseException e) {
            throw new ApiConnectionException("Unreadable key set: " + e.getMessage(), e);
        }
    }

    private static RSAKey publishedKey(Transport transport) {
        JWK key = parse(transport.get("/publickey", null, JsonNode.class));
        if (!(key instanceof RSAKey rsa)) {
            throw new ApiConnectionException("The server's public key is " + key.getKeyType()
                    + ", not RSA: field values cannot be encrypted for it", null);
        }
        return rsa;
    }

    private static JWK parse(JsonNode jwk) {
        try {
            return JWK.parse(Wire.json().writeValueAsString(jwk));
        } catch (ParseException e) {
            throw new ApiConnectionException("Unreadable public key: " + e.getMessage(), e);
        }
    }

    private FieldEncryptor fieldEncryption() {
        return encryptFields ? encryptor : null;
    }

    /** How the client is set up; every setting has a default. */
    public static final class Builder {
        private final URI apiRoot;
        private String token;
        private HttpClient http;
        private RetryPolicy retry = RetryPolicy.defaults();
        private Duration timeout = Duration.ofMinutes(3);
        private long maxBodySize = 32L << 20;
        private boolean encryptFields = true;

        private Builder(URI apiRoot) {
            this.apiRoot = apiRoot;
        }

        /** The bearer token: a user's permanent or temporary token, a code, or the config token. */
        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /** Retries of 429 and 503; {@link RetryPolicy#defaults()} unless set. */
        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        /**
         * How long one call may take, its answer's body included; 3 minutes by default, since adding a connection talks to the
         * institution during the call (Powens asks for "a few minutes").
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * The largest answer body read, in bytes; 32 MiB by default. A longer one fails the call with
         * an {@link ApiConnectionException} instead of filling the heap; raise it for larger document files.
         */
        public Builder maxBodySize(long bytes) {
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * Whether connector field values (credentials, one-time codes) are sent encrypted for the
         * server's public key; on by default. Off for a server that publishes none.
         */
        public Builder encryptFields(boolean on) {
            this.encryptFields = on;
            return this;
        }

        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        public Passerelle build() {
            HttpClient client = http != null ? http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            Transport transport = new Transport(apiRoot, token, client, retry, timeout, maxBodySize);
            FieldEncryptor encryptor = new FieldEncryptor(() -> publishedKey(transport));
            return new Passerelle(transport, encryptor, encryptFields);
        }
    }
}
