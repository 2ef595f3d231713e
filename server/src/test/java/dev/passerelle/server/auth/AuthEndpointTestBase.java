package dev.passerelle.server.auth;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What every {@code /auth} endpoint test starts from: a client application of its own and the steps. */
abstract class AuthEndpointTestBase {

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    MutableClock clock;

    TestClient client;
    AuthSteps steps;

    @BeforeEach
    void startWithAClient() {
        // Every test class calls /auth from 127.0.0.1: a minute later the rate-limit bucket is full again.
        clock.advance(Duration.ofMinutes(1));
        client = TestClient.registerIn(clients);
        steps = new AuthSteps(api);
    }
}
