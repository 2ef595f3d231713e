package dev.passerelle.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.connectors.FlakyBank;
import dev.passerelle.server.connectors.HandWrittenBanksConfig;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Base of the background sync tests that script the institution's answers on {@link FlakyBank}. */
@Import(HandWrittenBanksConfig.class)
abstract class FlakyBankSyncTest extends BackgroundSyncTest {

    @Autowired
    FlakyBank bank;

    /** Adds a connection with {@code fields}, which must succeed, and returns its id. */
    long added(Map<String, String> fields) {
        TestApi.Response response = api.post("/users/me/connections").bearer(user.token()).json(fields).send();
        assertThat(response.status()).as("adding %s: %s", fields, response).isEqualTo(200);
        return response.json().get("id").asLong();
    }

    long addedOnFlakyBank() {
        return added(Map.of("connector_uuid", FlakyBank.UUID_.toString(), "login", "jdupont"));
    }

    /** The connection's one source, as {@code GET …/sources} shows it. */
    JsonNode source(long id) {
        return api.get("/users/me/connections/" + id + "/sources").bearer(user.token()).send().json()
                .get("sources").get(0);
    }
}
