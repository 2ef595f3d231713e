package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code POST /users/{u}/connections}: the synchronous check and its outcomes (docs/protocol.md §3.3). */
@SandboxMode
class ConnectionCreationTest extends TestBankUserTest {

    @Test
    void createWhenCredentialsAreRightThenOkWithNullState() {
        TestApi.Response response = bank.add(TestBank.fields("par"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode connection = response.json();
        assertThat(connection.get("state").isNull()).isTrue();
        assertThat(connection.get("error").isNull()).isTrue();
        assertThat(connection.get("fields").isNull()).isTrue();
        assertThat(connection.get("id_connector").asInt()).isEqualTo(40);
        assertThat(connection.get("id_bank").asInt()).isEqualTo(40);
        assertThat(connection.get("connector_uuid").asString()).isEqualTo(TestBank.UUID);
        assertThat(connection.get("active").asBoolean()).isTrue();
        assertThat(connection.get("created").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(connection.get("last_update").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(connection.get("expire").isNull()).isTrue();
    }

    @Test
    void createWhenOtpIsAskedThenAcceptedWithStateAndFields() {
        TestApi.Response response = bank.add(TestBank.fields("additionalInformationNeeded"));

        assertThat(response.status()).isEqualTo(202);
        JsonNode connection = response.json();
        assertThat(connection.get("state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(connection.get("error").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(connection.get("error_message").asString()).isEqualTo("openapisms: Dites abcd");
        JsonNode field = connection.get("fields").get(0);
        assertThat(field.get("name").asString()).isEqualTo("openapisms");
        assertThat(field.get("label").asString()).isEqualTo("Dites abcd");
        assertThat(field.get("type").asString()).isEqualTo("text");
        assertThat(field.has("value")).isTrue();
        assertThat(connection.get("expire").isNull()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "wrongpass, wrongpass",
            "actionNeeded, actionNeeded",
            "passwordExpired, passwordExpired",
            "websiteUnavailable, websiteUnavailable",
            "rateLimiting, rateLimiting",
            "bug, bug",
            "notSupported, notSupported"})
    void createWhenTheCheckFailsThenErrorCodeIsTheStateAndNothingIsKept(String scenario, String code) {
        TestApi.Response response = bank.add(TestBank.fields(scenario));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("message").isNull()).isFalse();
        assertThat(bank.list().json().get("connections").size()).isZero();
    }

    @Test
    void createWhenPasswordIsWrongThenWrongpassWithTheInstitutionMessage() {
        TestApi.Response response = bank.add(TestBank.fields("par").with("password", "0000"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("wrongpass");
        assertThat(response.json().get("message").asString()).isEqualTo("Incorrect password");
    }

    @Test
    void createWhenScenarioIsNotInTheListThenConfigErrorNamingTheField() {
        TestApi.Response response = bank.add(TestBank.fields("nope"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("config");
        assertThat(response.json().get("description").asString())
                .contains("\"directaccesswebsite\"").contains("Value \"nope\" is not in list: par, pro");
    }

    @Test
    void createWhenARequiredFieldIsMissingThenConfigError() {
        TestApi.Response response = bank.add(TestBank.fields("par").without("password"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("config");
        assertThat(response.json().get("description").asString()).contains("\"password\"");
    }

    @Test
    void createWithoutAConnectorThenMissingParameter() {
        TestApi.Response response = bank.add(TestBank.fields("par").without("connector_uuid"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("missingParameter");
    }

    @Test
    void createWithAnUnknownConnectorThenInvalidValue() {
        TestApi.Response response = bank.add(TestBank.fields("par").with("connector_uuid", "00000000-0000-0000-0000-000000000000"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void createWithTheDeprecatedNumericIdThenSameConnector() {
        TestApi.Response response = bank.add(TestBank.fields("par").without("connector_uuid").with("id_connector", "40"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("connector_uuid").asString()).isEqualTo(TestBank.UUID);
    }

    @Test
    void createWithAFormBodyThenSameOutcomeAsJson() {
        TestApi.Response response = api.post("/users/me/connections").bearer(userToken())
                .form(TestBank.fields("par").map()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state").isNull()).isTrue();
    }

    @Test
    void createWithAMultipartBodyThenSameOutcomeAsJson() {
        TestApi.Response response = api.post("/users/me/connections").bearer(userToken())
                .multipart(TestBank.fields("additionalInformationNeeded").map()).send();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("state").asString()).isEqualTo("additionalInformationNeeded");
    }

    @Test
    void createWithoutSourceFollowsTheScenarioFieldGiven() {
        long id = bank.add(TestBank.fields("par").onOpenapi()).json().get("id").asLong();

        TestApi.Response listed = api.get("/users/me/connections/" + id + "/sources").bearer(userToken()).send();
        assertThat(listed.json().get("sources").get(0).get("name").asString()).isEqualTo("openapi");
    }

    @Test
    void createWithSourceQueryAddsThatSource() {
        TestApi.Response response = api.post("/users/me/connections?source=openapi").bearer(userToken())
                .json(TestBank.fields("par").map()).send();

        long id = response.json().get("id").asLong();
        TestApi.Response listed = api.get("/users/me/connections/" + id + "?expand=sources").bearer(userToken()).send();
        assertThat(listed.json().get("sources").get(0).get("name").asString()).isEqualTo("openapi");
        assertThat(listed.json().get("sources").get(0).get("id_connector_source").asInt()).isEqualTo(402);
    }

    @Test
    void listAndGetShowTheCreatedConnectionWithExpandedConnector() {
        long id = bank.added("pro");

        JsonNode list = api.get("/users/me/connections?expand=connector,unknown").bearer(userToken()).send().json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("connections").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.get("connections").get(0).get("connector").get("name").asString()).isEqualTo("Connecteur de test");
    }

    @Test
    void deleteRemovesTheConnection() {
        long id = bank.added("par");

        TestApi.Response deleted = api.delete("/users/me/connections/" + id).bearer(userToken()).send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(bank.get(id).status()).isEqualTo(404);
    }

    @Test
    void anotherUsersConnectionIsNotFound() {
        long id = bank.added("par");
        TestBank other = new TestBank(api, users.permanent());

        assertThat(other.get(id).status()).isEqualTo(404);
        assertThat(other.update(id, Map.of()).status()).isEqualTo(404);
    }

    private String userToken() {
        return bank.token();
    }
}
