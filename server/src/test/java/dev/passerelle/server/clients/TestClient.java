package dev.passerelle.server.clients;

import dev.passerelle.server.crypto.Secrets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client application registered for one test, with a random id so that tests sharing a
 * PostgreSQL database never collide (the demo client's secret differs per test context).
 */
public record TestClient(long id, String secret) {

    public static final String REDIRECT_URI = "https://app.example.test/callback";

    public static TestClient registerIn(ClientApplications clients) {
        TestClient client = new TestClient(ThreadLocalRandom.current().nextLong(20_000_000L, 99_999_999_999L),
                Secrets.random(24));
        clients.register(client.id(), "Test client " + client.id(), client.secret(), List.of(REDIRECT_URI));
        return client;
    }

    /** {@code client_id} and {@code client_secret}, as a body. */
    public Map<String, String> credentials() {
        return Map.of("client_id", Long.toString(id), "client_secret", secret);
    }

    /** The credentials plus other body fields. */
    public Map<String, String> credentialsAnd(Map<String, String> more) {
        Map<String, String> body = new java.util.LinkedHashMap<>(credentials());
        body.putAll(more);
        return body;
    }

    @Override
    public String toString() {
        return "TestClient[" + id + "]";
    }
}
