package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Webhooks of a sandbox user whose own test clock was moved ahead of the server's: the events carry
 * the user's time, but their deliveries are due on the server's time, as the sender reads it, so
 * that they do not wait for real time to catch up with the user's.
 */
@IntegrationTest
@SandboxMode
class WebhookUserClockTest extends WebhookTestBase {

    @Autowired
    TokenService tokens;

    @Test
    void anEventOfAUserWhoseClockIsAheadIsDeliveredAtOnce() {
        TestApi.Response registered = admin.post("/webhooks",
                Map.of("url", receiver.url("/hooks"), "events", "CONNECTION_SYNCED", "id_client", client.id()));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String token = tokens.issue(TokenKind.PERMANENT, users.createPermanent(client.id()).id(), client.id()).token();
        TestApi.Response moved = api.post("/users/me/test/clock").bearer(token).json(Map.of("advance", "P7D")).send();
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);

        TestApi.Response added = api.post("/users/me/connections").bearer(token).json(TestConnector.fields("par").map())
                .send();
        assertThat(added.status()).as("%s", added).isEqualTo(200);

        sender.sendDue();

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/hooks");
    }
}
