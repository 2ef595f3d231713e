package dev.passerelle.server.webhooks;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.users.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the delivery tests share: a real listener, a client application of their own and the
 * {@code /webhooks} calls. The tests send by calling the sender ({@link IntegrationTest} keeps the
 * background one away).
 */
abstract class WebhookTestBase {

    @Autowired
    TestApi api;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ClientApplications clients;
    @Autowired
    UserAccounts users;
    @Autowired
    WebhookSender sender;
    @Autowired
    MutableClock clock;

    WebhookReceiver receiver;
    TestClient client;
    WebhookAdmin admin;

    @BeforeEach
    void listen() {
        receiver = new WebhookReceiver();
        client = TestClient.registerIn(clients);
        admin = new WebhookAdmin(api, dataDirectory);
    }

    @AfterEach
    void stop() {
        receiver.close();
        clock.reset();
    }
}
