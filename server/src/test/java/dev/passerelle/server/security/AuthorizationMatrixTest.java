package dev.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.crypto.Secrets;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every user endpoint and every config-token endpoint × every kind of bearer (issue "authorization
 * matrix"): the expected status, never another user's data, never a 500. Each row gets its own owner, connection and data;
 * destructive rows get a fresh owner per cell.
 */
@IntegrationTest
class AuthorizationMatrixTest {


    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    TokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ClientApplications clients;

    /** The bearer a cell sends. */
    enum Bearer {
        NONE, MALFORMED, EXPIRED, REVOKED, CODE, SPENT_SINGLE_USE_CODE, ANOTHER_USER, OWNER, CONFIG, USERS_TOKEN
    }

    /** One endpoint, its path with placeholders of {@link Owner}, and its body. */
    record Endpoint(String method, String path, Map<String, String> body, boolean destructive) {
        static Endpoint of(String method, String path) {
            return new Endpoint(method, path, Map.of(), false);
        }

        static Endpoint of(String method, String path, Map<String, String> body) {
            return new Endpoint(method, path, body, false);
        }

        static Endpoint destructive(String method, String path) {
            return new Endpoint(method, path, Map.of(), true);
        }

        static Endpoint destructive(String method, String path, Map<String, String> body) {
            return new Endpoint(method, path, body, true);
        }

        /** The same call, placeholders in the body's values filled. */
        Endpoint filled(UnaryOperator<String> fill) {
            Map<String, String> filled = new LinkedHashMap<>();
            body.forEach((name, value) -> filled.put(name, fill.apply(value)));
            return new Endpoint(method, path, filled, destructive);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The owner of the resources a row reaches: a connection with an activated account and subscription. */
    record Owner(TestUser user, long connection, long source, long account, long transaction, long subscription,
                 long document) {
        String path(String template, String userSegment) {
            return template.replace("{u}", userSegment)
                    .replace("{c}", Long.toString(connection))
                    .replace("{s}", Long.toString(source))
                    .replace("{a}", Long.toString(account))
                    .replace("{t}", Long.toString(transaction))
                    .replace("{sub}", Long.toString(subscription))
                    .replace("{d}", Long.toString(document));
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/users/{u}"),
            Endpoint.destructive("DELETE", "/users/{u}"),
            Endpoint.of("GET", "/users/{u}/connections"),
            Endpoint.of("POST", "/users/{u}/connections", TestConnector.fields("par").with("login", "l").map()),
            Endpoint.of("GET", "/users/{u}/connections/{c}?expand=sources,connector"),
            Endpoint.of("POST", "/users/{u}/connections/{c}"),
            Endpoint.of("PUT", "/users/{u}/connections/{c}?psu_requested=false"),
            Endpoint.destructive("DELETE", "/users/{u}/connections/{c}"),
            Endpoint.of("GET", "/users/{u}/connections/{c}/sources"),
            Endpoint.of("GET", "/users/{u}/connections/{c}/sources/{s}"),
            Endpoint.of("POST", "/users/{u}/connections/{c}/sources/{s}", Map.of("disabled", "false")),
            Endpoint.of("GET", "/users/{u}/connections/{c}/logs"),
            Endpoint.of("GET", "/users/{u}/accounts?all"),
            Endpoint.of("GET", "/users/{u}/connections/{c}/accounts?all"),
            Endpoint.of("GET", "/users/{u}/accounts/{a}"),
            Endpoint.of("PUT", "/users/{u}/connections/{c}/accounts/{a}?all", Map.of("disabled", "false")),
            Endpoint.of("POST", "/users/{u}/accounts/{a}", Map.of("name", "Renamed")),
            Endpoint.of("GET", "/users/{u}/transactions?limit=5"),
            Endpoint.of("GET", "/users/{u}/accounts/{a}/transactions"),
            Endpoint.of("GET", "/users/{u}/transactions/{t}"),
            Endpoint.of("GET", "/users/{u}/subscriptions?all"),
            Endpoint.of("GET", "/users/{u}/subscriptions/{sub}"),
            Endpoint.of("PUT", "/users/{u}/subscriptions/{sub}?all", Map.of("disabled", "false")),
            Endpoint.of("GET", "/users/{u}/documents"),
            Endpoint.of("GET", "/users/{u}/documents/{d}/file"),
            Endpoint.of("GET", "/users/{u}/export"));

    @TestFactory
    Stream<DynamicTest> everyEndpointWithEveryBearer() {
        return cells(ENDPOINTS, this::newOwner, this::assertCell);
    }

    /** What one cell checks, given the row's resources. */
    interface Cell<T> {
        void check(Endpoint endpoint, Bearer bearer, T row);
    }

    /** Endpoints × bearers; a row's resources are made once, or per cell for destructive rows. */
    private <T> Stream<DynamicTest> cells(List<Endpoint> endpoints, Supplier<T> newRow, Cell<T> cell) {
        List<DynamicTest> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Supplier<T> row = endpoint.destructive() ? newRow : once(newRow);
            for (Bearer bearer : Bearer.values()) {
                cells.add(DynamicTest.dynamicTest(endpoint + " with " + bearer,
                        () -> cell.check(endpoint, bearer, row.get())));
            }
        }
        return cells.stream();
    }

    /**
     * The config token's routes, with placeholders of {@link Hooked}: no user's bearer reaches
     * them, not even the one of a user of the endpoint's client application.
     */
    static final List<Endpoint> CONFIG_ENDPOINTS = List.of(
            Endpoint.of("GET", "/webhooks"),
            Endpoint.of("POST", "/webhooks", Map.of("url", "http://127.0.0.1:9/hooks", "events", "USER_CREATED",
                    "id_client", "{client}")),
            Endpoint.destructive("POST", "/webhooks/{w}/secrets"),
            Endpoint.of("POST", "/webhooks/{w}/test", Map.of("event", "USER_CREATED")),
            Endpoint.of("GET", "/webhooks/{w}/deliveries"),
            Endpoint.of("GET", "/webhooks/deliveries/{dl}"),
            Endpoint.destructive("POST", "/webhooks/deliveries/{dl}/replay"),
            Endpoint.destructive("DELETE", "/webhooks/{w}"),
            Endpoint.of("GET", "/config?search=webhooks"),
            Endpoint.of("POST", "/config", Map.of("webhooks.timeout_seconds", "10")),
            Endpoint.of("PUT", "/config", Map.of("webhooks.timeout_seconds", "10")),
            Endpoint.of("GET", "/config/logs?limit=5"),
            Endpoint.of("GET", "/clients"),
            Endpoint.of("POST", "/clients", Map.of("name", "Matrix", "redirect_uris", "https://matrix.example/cb")),
            Endpoint.of("GET", "/clients/{client}"),
            Endpoint.of("PUT", "/clients/{client}", Map.of("name", "Renamed by the matrix")),
            Endpoint.of("POST", "/clients/{client}", Map.of("name", "Renamed by the matrix")),
            Endpoint.destructive("PUT", "/clients/{client}", Map.of("secret", "true")),
            Endpoint.destructive("DELETE", "/clients/{client}"),
            Endpoint.of("PUT", "/connectors/" + TestConnector.UUID, Map.of("hidden", "false")),
            Endpoint.of("POST", "/connectors/40", Map.of("hidden", "false")),
            Endpoint.of("PUT", "/connectors/40,40", Map.of("hidden", "false")),
            Endpoint.of("PATCH", "/connectors", Map.of(TestConnector.UUID, "{\"hidden\": false}")),
            Endpoint.of("PUT", "/connectors/40/sources/directaccess", Map.of("disabled", "false")),
            Endpoint.of("GET", "/connectors/40/settings"),
            Endpoint.of("PUT", "/connectors/40/settings", Map.of("latency-millis", "0")),
            Endpoint.of("PUT", "/webhooks/{w}", Map.of("events", "USER_CREATED,USER_DELETED")),
            Endpoint.of("POST", "/webhooks/{w}", Map.of("id_auth", "{ap}")),
            Endpoint.of("GET", "/webhooks/auth"),
            Endpoint.of("POST", "/webhooks/auth", Map.of("type", "hmac_signature", "name", "Matrix key")),
            Endpoint.of("GET", "/webhooks/auth/{ap}"),
            Endpoint.of("PUT", "/webhooks/auth/{ap}", Map.of("name", "Renamed by the matrix")),
            Endpoint.destructive("DELETE", "/webhooks/auth/{ap}"));

    /** A user of a client application whose webhook endpoint holds a delivery about that user. */
    record Hooked(TestUser user, long client, long webhook, long delivery, long authProvider) {
        String fill(String template) {
            return template.replace("{client}", Long.toString(client))
                    .replace("{w}", Long.toString(webhook))
                    .replace("{dl}", Long.toString(delivery))
                    .replace("{ap}", Long.toString(authProvider));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyConfigTokenEndpointWithEveryBearer() {
        return cells(CONFIG_ENDPOINTS, this::newHooked, (endpoint, bearer, row) -> {
            TestApi.Response response = send(endpoint.filled(row::fill), row.fill(endpoint.path()),
                    bearerFor(bearer, row.user()));
            assertThat(response.status()).as("%s → %s", bearer, response).isLessThan(500);
            switch (bearer) {
                case NONE, MALFORMED, EXPIRED, REVOKED, SPENT_SINGLE_USE_CODE -> assertRefused(response, 401, "unauthorized");
                case CODE, OWNER, ANOTHER_USER, USERS_TOKEN -> assertRefused(response, 403, "forbidden");
                case CONFIG -> assertThat(response.status()).as("%s", response).isBetween(200, 299);
            }
        });
    }

    /** The routes of the users token (§1.2): listing the users, with the config token too. */
    static final List<Endpoint> USERS_TOKEN_ENDPOINTS = List.of(
            Endpoint.of("GET", "/users"),
            Endpoint.of("GET", "/users?search={u}&limit=5&offset=0"));

    @TestFactory
    Stream<DynamicTest> everyUsersTokenEndpointWithEveryBearer() {
        return cells(USERS_TOKEN_ENDPOINTS, this::newOwner, (endpoint, bearer, owner) -> {
            TestApi.Response response = send(endpoint, owner.path(endpoint.path(), Long.toString(owner.user().id())),
                    bearerFor(bearer, owner.user()));
            assertThat(response.status()).as("%s → %s", bearer, response).isLessThan(500);
            switch (bearer) {
                case NONE, MALFORMED, EXPIRED, REVOKED, SPENT_SINGLE_USE_CODE -> assertRefused(response, 401, "unauthorized");
                case CODE, OWNER, ANOTHER_USER -> assertRefused(response, 403, "forbidden");
                case CONFIG, USERS_TOKEN -> assertThat(response.status()).as("%s", response).isEqualTo(200);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> anotherUsersResourcesThroughMeAreNotFound() {
        return ENDPOINTS.stream().filter(e -> e.path().matches(".*\\{(c|a|t|sub|d)}.*")).map(endpoint -> DynamicTest.dynamicTest(
                endpoint + " on /users/me with another user's token", () -> {
                    Owner owner = newOwner();
                    TestApi.Response response = send(endpoint, owner.path(endpoint.path(), "me"), users.permanent().token());
                    assertThat(response.status()).as("%s", response).isEqualTo(404);
                    assertThat(response.json().get("code").asString()).isEqualTo("notFound");
                }));
    }

    private void assertCell(Endpoint endpoint, Bearer bearer, Owner owner) {
        String path = owner.path(endpoint.path(), Long.toString(owner.user().id()));
        TestApi.Response response = send(endpoint, path, bearerFor(bearer, owner.user()));

        assertThat(response.status()).as("%s → %s", bearer, response).isLessThan(500);
        switch (bearer) {
            case NONE, MALFORMED, EXPIRED, REVOKED, SPENT_SINGLE_USE_CODE -> assertRefused(response, 401, "unauthorized");
            case ANOTHER_USER, USERS_TOKEN -> assertRefused(response, 403, "forbidden");
            case CODE, OWNER, CONFIG -> assertThat(response.status()).as("%s → %s", bearer, response).isBetween(200, 299);
        }
    }

    /** A refusal is the bare envelope: nothing of the owner's resources. */
    private static void assertRefused(TestApi.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().propertyNames()).containsOnly("code", "description", "message", "request_id");
    }

    private TestApi.Response send(Endpoint endpoint, String path, String bearer) {
        TestApi.Call call = switch (endpoint.method()) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path);
            case "PUT" -> api.put(path);
            case "DELETE" -> api.delete(path);
            case "PATCH" -> api.patch(path);
            default -> throw new IllegalArgumentException(endpoint.method());
        };
        if (bearer != null) {
            call.bearer(bearer);
        }
        if (!endpoint.body().isEmpty()) {
            call.json(endpoint.body());
        }
        return call.send();
    }

    private String bearerFor(Bearer bearer, TestUser owner) {
        return switch (bearer) {
            case NONE -> null;
            case MALFORMED -> "not a token at all";
            case EXPIRED -> expired(owner);
            case REVOKED -> revoked(owner);
            case CODE -> users.token(owner, TokenKind.CODE);
            case SPENT_SINGLE_USE_CODE -> spent(owner);
            case ANOTHER_USER -> users.permanent().token();
            case OWNER -> owner.token();
            case CONFIG -> AuthSteps.configToken(dataDirectory);
            case USERS_TOKEN -> AuthSteps.usersToken(dataDirectory);
        };
    }

    private String expired(TestUser user) {
        String token = users.token(user, TokenKind.CODE);
        jdbc.sql("UPDATE auth_token SET expires_at = :past WHERE token_hash = :hash")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .param("hash", Secrets.sha256(token))
                .update();
        return token;
    }

    private String revoked(TestUser user) {
        String token = users.token(user, TokenKind.PERMANENT);
        assertThat(api.delete("/auth/token").bearer(token).send().status()).isEqualTo(204);
        return token;
    }

    private String spent(TestUser user) {
        String code = users.token(user, TokenKind.SINGLE_USE_CODE);
        assertThat(api.get("/users/me").bearer(code).send().status()).isEqualTo(200);
        return code;
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        List<T> made = new ArrayList<>(1);
        return () -> {
            if (made.isEmpty()) {
                made.add(supplier.get());
            }
            return made.getFirst();
        };
    }

    private Owner newOwner() {
        TestUser user = users.permanent();
        TestApi.Response created = api.post("/users/me/connections").bearer(user.token())
                .json(TestConnector.fields("par").with("login", "owner").map()).send();
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        long connection = created.json().get("id").asLong();
        long source = first(user, "/users/me/connections/" + connection + "/sources", "sources");
        long account = first(user, "/users/me/accounts?all", "accounts");
        activate(user, "/users/me/accounts/" + account + "?all");
        long transaction = first(user, "/users/me/transactions?limit=1", "transactions");
        long subscription = first(user, "/users/me/subscriptions?all", "subscriptions");
        activate(user, "/users/me/subscriptions/" + subscription + "?all");
        long document = first(user, "/users/me/documents?limit=1", "documents");
        return new Owner(user, connection, source, account, transaction, subscription, document);
    }

    private Hooked newHooked() {
        TestClient client = TestClient.registerIn(clients);
        TestApi.Response registered = api.post("/webhooks").bearer(AuthSteps.configToken(dataDirectory))
                .json(Map.of("url", "http://127.0.0.1:9/hooks", "events", "USER_CREATED", "id_client", client.id()))
                .send();
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        long webhook = registered.json().get("id").asLong();
        TestUser user = users.permanentOf(client.id());
        TestApi.Response deliveries = api.get("/webhooks/" + webhook + "/deliveries")
                .bearer(AuthSteps.configToken(dataDirectory)).send();
        assertThat(deliveries.json().get("deliveries").size()).as("%s", deliveries).isPositive();
        TestApi.Response provider = api.post("/webhooks/auth").bearer(AuthSteps.configToken(dataDirectory))
                .json(Map.of("type", "hmac_signature", "name", "Matrix row")).send();
        assertThat(provider.status()).as("%s", provider).isEqualTo(201);
        return new Hooked(user, client.id(), webhook, deliveries.json().get("deliveries").get(0).get("id").asLong(),
                provider.json().get("id").asLong());
    }

    private long first(TestUser user, String path, String key) {
        TestApi.Response response = api.get(path).bearer(user.token()).send();
        assertThat(response.json().get(key).size()).as("%s → %s", path, response).isPositive();
        return response.json().get(key).get(0).get("id").asLong();
    }

    private void activate(TestUser user, String path) {
        TestApi.Response response = api.put(path).bearer(user.token()).json(Map.of("disabled", false)).send();
        assertThat(response.status()).as("%s → %s", path, response).isEqualTo(200);
    }
}
