package dev.passerelle.server.webauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.connectors.GatedBank;
import dev.passerelle.server.connectors.GatedBankTest;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.webauth.Browser.Page;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A connection that a web authentication creates, as the user's other requests see it while the connector
 * prepares the trip to the institution: it needs a web authentication from its first row on, and never shows
 * the null state of a successful sync (docs/protocol.md §4, §5.2), which would tell a client polling the list
 * that the journey had ended. The {@link GatedBank} holds the first step until the test releases it.
 */
class WebauthFirstStepTest extends GatedBankTest {

    @Autowired
    ClientApplications clients;

    @Test
    void aConnectionOnItsWayToTheInstitutionIsListedAsWebauthRequiredFromItsFirstRow() throws Exception {
        TestUser user = users.permanent();
        BankVisit visit = new BankVisit(api, TestClient.registerIn(clients), user);
        Map<String, String> params = visit.newConnection("connector_uuid", GatedBank.UUID_.toString());
        URI link = visit.link(params);
        bank.closeGate();
        Future<Page> toBank = meanwhile(() -> visit.open(link));
        assertThat(bank.holds(1)).as("the first step reaches the connector").isTrue();

        JsonNode during = connections(user);

        assertThat(during).hasSize(1);
        assertThat(during.get(0).get("state").asString()).isEqualTo("webauthRequired");
        bank.openGate();
        Page page = toBank.get(30, TimeUnit.SECONDS);
        assertThat(page.status()).as(page.toString()).isEqualTo(307);
        assertThat(page.location()).contains(GatedBank.AUTHORIZE);
        JsonNode after = connections(user);
        assertThat(after.get(0).get("state").asString()).isEqualTo("webauthRequired");
    }

    private JsonNode connections(TestUser user) {
        return api.get("/users/me/connections").bearer(user.token()).send().json().get("connections");
    }
}
