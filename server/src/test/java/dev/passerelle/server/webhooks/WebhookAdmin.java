package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The {@code /webhooks} calls of the tests, with the config token. */
final class WebhookAdmin {

    private final TestApi api;
    private final String configToken;

    WebhookAdmin(TestApi api, DataDirectory dataDirectory) {
        this.api = api;
        this.configToken = AuthSteps.configToken(dataDirectory);
    }

    /** Registers an endpoint and answers its JSON, secret included; fails the test unless 201. */
    JsonNode register(long clientId, String url, String events, String auth) {
        TestApi.Response response = api.post("/webhooks").bearer(configToken)
                .json(Map.of("url", url, "events", events, "id_client", clientId, "auth", auth)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    TestApi.Response post(String path, Map<String, ?> body) {
        return api.post(path).bearer(configToken).json(body).send();
    }

    TestApi.Response get(String path) {
        return api.get(path).bearer(configToken).send();
    }

    TestApi.Response delete(String path) {
        return api.delete(path).bearer(configToken).send();
    }
}
