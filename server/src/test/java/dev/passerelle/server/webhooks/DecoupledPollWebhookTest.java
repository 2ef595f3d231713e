package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.sync.DecoupledPollSteps;
import dev.passerelle.server.users.User;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A decoupled validation completed by the server's background poll announces the connection as a
 * completed {@code resume=true} does (docs/protocol.md §8.2 {@code CONNECTION_SYNCED}), once, even
 * when the client resumes afterwards.
 */
@IntegrationTest
@Import(DecoupledPollSteps.class)
class DecoupledPollWebhookTest extends WebhookTestBase {

    @Autowired
    TokenService tokens;
    @Autowired
    DecoupledPollSteps polls;

    @Test
    void aValidationCompletedInTheBackgroundIsAnnouncedOnceWhateverTheClientDoesNext() {
        admin.register(client.id(), receiver.url("/hooks"), "CONNECTION_SYNCED", "hmac");
        User user = users.createPermanent(client.id());
        String token = tokens.issue(TokenKind.PERMANENT, user.id(), client.id()).token();
        TestApi.Response added = api.post("/users/me/connections").bearer(token)
                .json(TestConnector.fields("shortDecoupled").map()).send();
        assertThat(added.status()).as("%s", added).isEqualTo(202);
        long id = added.json().get("id").asLong();
        clock.advance(Duration.ofSeconds(6));

        polls.poll(id, "directaccess");
        TestApi.Response resumed = api.post("/users/me/connections/" + id).bearer(token)
                .json(Map.of("resume", "true")).send();
        polls.scheduled(id, "directaccess").ifPresent(left -> polls.poll(id, "directaccess"));
        sender.sendDue();

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::event).containsExactly("CONNECTION_SYNCED");
        JsonNode connection = receiver.received().getFirst().json().get("connection");
        assertThat(connection.get("id").asLong()).isEqualTo(id);
        assertThat(connection.get("state").isNull()).isTrue();
    }
}
