package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.connectors.GatedBank;
import dev.passerelle.server.connectors.GatedBankTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A connection being added, as the user's other requests see it while the institution has not yet answered its
 * first step: listed as {@code validating}, never with the null state of a successful sync (docs/protocol.md §4),
 * and closed to any other step. The {@link GatedBank} holds the step until the test releases it.
 */
class ConnectionFirstStepTest extends GatedBankTest {

    @Test
    void aConnectionWhoseCredentialsAreBeingCheckedIsListedAsValidatingAndLockedUntilTheCheckEnds() throws Exception {
        TestUser user = users.permanent();
        bank.closeGate();
        Future<TestApi.Response> add = meanwhile(() -> api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", GatedBank.UUID_.toString(), "login", "hold")).send());
        assertThat(bank.holds(1)).as("the add reaches the bank").isTrue();

        JsonNode listed = api.get("/users/me/connections").bearer(user.token()).send().json().get("connections");
        long id = listed.get(0).get("id").asLong();
        TestApi.Response sync = api.put("/users/me/connections/" + id).bearer(user.token()).send();

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("state").asString()).isEqualTo("validating");
        assertThat(sync.status()).as("%s", sync).isEqualTo(409);
        assertThat(sync.json().get("code").asString()).isEqualTo("connectionLocked");
        bank.openGate();
        TestApi.Response added = add.get(30, TimeUnit.SECONDS);
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        assertThat(added.json().get("id").asLong()).isEqualTo(id);
        JsonNode after = api.get("/users/me/connections/" + id).bearer(user.token()).send().json();
        assertThat(after.get("state").isNull()).as("synced once the check ended: %s", after).isTrue();
    }
}
