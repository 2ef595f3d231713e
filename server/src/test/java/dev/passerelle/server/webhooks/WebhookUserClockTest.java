package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.users.User;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sandbox user who moved their own clock ahead still gets their webhooks at once: the sender runs
 * on the server's time, so what it sends is due in the server's time too.
 */
@IntegrationTest
@SandboxMode
class WebhookUserClockTest extends WebhookTestBase {

    @Autowired
    TokenService tokens;

    @Test
    void whenAUsersClockIsADayAheadThenTheirEventsAreDeliveredWithoutWaitingForTheServerToCatchUp() {
        admin.register(client.id(), receiver.url("/hooks"), "CONNECTION_SYNCED", "hmac");
        User user = users.createPermanent(client.id());
        String token = tokens.issue(TokenKind.PERMANENT, user.id(), client.id()).token();
        TestApi.Response moved = api.post("/users/me/test/clock").bearer(token)
                .json(Map.of("advance", Duration.ofDays(1).toString())).send();
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);

        TestApi.Response added = api.post("/users/me/connections").bearer(token)
                .json(TestConnector.fields("par").map()).send();
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        sender.sendDue();

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::event).containsExactly("CONNECTION_SYNCED");
    }
}
