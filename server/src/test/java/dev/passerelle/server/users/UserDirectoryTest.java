package dev.passerelle.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /users} for operators (§1.3): the users token or the config token, search and paging. */
@IntegrationTest
class UserDirectoryTest {

    static final String UUID = "338178e6-3d01-564f-9a7b-52ca442459bf";

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    ClientApplications clients;
    @Autowired
    DataDirectory dataDirectory;

    private String usersToken;
    private TestClient client;
    private List<TestUser> ofClient;

    @BeforeEach
    void setUp() {
        usersToken = AuthSteps.usersToken(dataDirectory);
        client = TestClient.registerIn(clients);
        ofClient = List.of(users.permanentOf(client.id()), users.permanentOf(client.id()), users.permanentOf(client.id()));
    }

    private JsonNode list(String query, String bearer) {
        TestApi.Response response = api.get("/users" + query).bearer(bearer).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    @Test
    void theUsersTokenListsUsersAndDoesNothingElse() {
        JsonNode listed = list("?id_client=" + client.id(), usersToken);

        assertThat(listed.get("users").findValues("id").stream().map(JsonNode::asLong).toList())
                .containsExactlyElementsOf(ofClient.stream().map(TestUser::id).toList());
        assertThat(listed.get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/users/" + ofClient.getFirst().id()).bearer(usersToken).send().status()).isEqualTo(403);
        assertThat(api.get("/config").bearer(usersToken).send().status()).isEqualTo(403);
        assertThat(api.get("/auth/token/code").bearer(usersToken).send().status()).isEqualTo(403);
    }

    @Test
    void pagesCountEveryMatch() {
        String config = AuthSteps.configToken(dataDirectory);

        JsonNode second = list("?id_client=" + client.id() + "&limit=2&offset=2", config);

        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("users").size()).isEqualTo(1);
        assertThat(second.get("users").get(0).get("id").asLong()).isEqualTo(ofClient.get(2).id());
    }

    @Test
    void aSearchFindsAUserByItsIdOrByOneOfItsConnections() {
        TestUser owner = ofClient.get(1);
        long connection = api.post("/users/me/connections").bearer(owner.token())
                .json(Map.of("connector_uuid", UUID, "login", "l", "password", "1234")).send().json().get("id").asLong();

        assertThat(list("?search=" + owner.id(), usersToken).get("users").findValues("id").stream().map(JsonNode::asLong))
                .contains(owner.id());
        assertThat(list("?search=" + connection, usersToken).get("users").findValues("id").stream().map(JsonNode::asLong))
                .contains(owner.id());
        assertThat(list("?search=someone@example.com", usersToken).get("total").asLong()).isZero();
    }

    @Test
    void badFiltersAreClearErrors() {
        assertThat(api.get("/users?limit=5000").bearer(usersToken).send().status()).isEqualTo(400);
        assertThat(api.get("/users?id_client=abc").bearer(usersToken).send().status()).isEqualTo(400);
        assertThat(api.get("/users?min_date=soon").bearer(usersToken).send().status()).isEqualTo(400);
    }
}
