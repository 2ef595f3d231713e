package dev.passerelle.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /users/{id}/export}: one user's data as JSON (GDPR), without anything secret. */
@IntegrationTest
class UserExportTest {

    static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";
    static final String LOGIN = "export-login-7f3a";

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theExportHoldsTheUsersConnectionsTimelineAccountsTransactionsAndDocumentsButNoSecret() {
        TestUser user = users.permanent();
        long connection = api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", UUID, "login", LOGIN, "password", "1234")).send().json().get("id").asLong();
        long account = api.get("/users/me/accounts?all").bearer(user.token()).send().json().get("accounts").get(0)
                .get("id").asLong();
        api.put("/users/me/accounts/" + account + "?all").bearer(user.token()).json(Map.of("disabled", false)).send();
        long subscription = api.get("/users/me/subscriptions?all").bearer(user.token()).send().json()
                .get("subscriptions").get(0).get("id").asLong();
        api.put("/users/me/subscriptions/" + subscription + "?all").bearer(user.token()).json(Map.of("disabled", false)).send();

        TestApi.Response response = api.get("/users/" + user.id() + "/export").bearer(AuthSteps.configToken(dataDirectory)).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).contains("passerelle-user-" + user.id() + ".json");
        JsonNode export = response.json();
        assertThat(export.get("user").get("id").asLong()).isEqualTo(user.id());
        JsonNode exported = export.get("connections").get(0);
        assertThat(exported.get("id").asLong()).isEqualTo(connection);
        assertThat(exported.get("sources").size()).isPositive();
        assertThat(exported.get("logs").size()).isPositive();
        assertThat(export.get("accounts").valueStream().map(a -> a.get("id").asLong())).contains(account);
        assertThat(export.get("transactions").size()).isPositive();
        assertThat(export.get("transactions").get(0).get("id_account").asLong()).isEqualTo(account);
        JsonNode documents = export.get("subscriptions").get(0).get("documents");
        assertThat(documents.size()).isPositive();
        assertThat(documents.get(0).get("file_route").asString()).startsWith("/users/" + user.id() + "/documents/");
        assertThat(response.text()).doesNotContain(LOGIN).doesNotContain(user.token())
                .doesNotContain("v1.k1."); // no sealed value (AtRestCipher's envelope)
    }

    @Test
    void aUserExportsItsOwnDataButNotAnothersAndAMissingUserIsNotFound() {
        TestUser user = users.permanent();

        assertThat(api.get("/users/me/export").bearer(user.token()).send().status()).isEqualTo(200);
        assertThat(api.get("/users/" + users.permanent().id() + "/export").bearer(user.token()).send().status()).isEqualTo(403);
        assertThat(api.get("/users/999999999/export").bearer(AuthSteps.configToken(dataDirectory)).send().status())
                .isEqualTo(404);
    }
}
