package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuthInitTest extends AuthEndpointTestBase {

    @Test
    void initWithClientCredentialsCreatesPermanentUserWithoutExpiresIn() {
        JsonNode body = api.post("/auth/init").json(client.credentials()).send().json();

        assertThat(body.get("type").asString()).isEqualTo("permanent");
        assertThat(body.get("id_user").asLong()).isPositive();
        assertThat(body.get("auth_token").asString()).isNotBlank();
        assertThat(body.has("expires_in")).isFalse();
    }

    @Test
    void initWithoutCredentialsCreatesTemporaryUserExpiringIn1800Seconds() {
        JsonNode body = api.post("/auth/init").send().json();

        assertThat(body.get("type").asString()).isEqualTo("temporary");
        assertThat(body.get("id_user").asLong()).isPositive();
        assertThat(body.get("expires_in").asInt()).isEqualTo(1800);
    }

    @Test
    void initWithConfigTokenCreatesPermanentUser() {
        TestApi.Response response = api.post("/auth/init").bearer(AuthSteps.configToken(dataDirectory)).send();

        assertThat(response.json().get("type").asString()).isEqualTo("permanent");
        assertThat(response.json().has("expires_in")).isFalse();
    }

    @Test
    void initWithWrongSecretIsUnauthorized() {
        TestApi.Response response = api.post("/auth/init")
                .form(Map.of("client_id", Long.toString(client.id()), "client_secret", "wrong")).send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("unauthorized");
        assertThat(response.json().get("description").asString()).isEqualTo("Unknown client or wrong secret");
    }

    @Test
    void initWithClientIdButNoSecretIsUnauthorized() {
        TestApi.Response response = api.post("/auth/init").form(Map.of("client_id", Long.toString(client.id()))).send();

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void initWithUnknownClientIsUnauthorized() {
        TestApi.Response response = api.post("/auth/init")
                .json(Map.of("client_id", "not-a-client", "client_secret", client.secret())).send();

        assertThat(response.status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void initAcceptsClientCredentialsInEveryBodyEncoding(Encoding encoding) {
        TestApi.Response response = encoding.send(api.post("/auth/init"), client.credentials());

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("type").asString()).isEqualTo("permanent");
    }

    @Test
    void temporaryTokenExpiresAfterThirtyMinutes() {
        String token = steps.temporaryUser().get("auth_token").asString();

        clock.advance(Duration.ofMinutes(29));
        assertThat(steps.whoAmIStatus(token)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(steps.whoAmIStatus(token)).isEqualTo(401);
    }

    @Test
    void permanentTokenOutlivesThirtyMinutes() {
        String token = steps.permanentUser(client).get("auth_token").asString();

        clock.advance(Duration.ofDays(1));

        assertThat(steps.whoAmIStatus(token)).isEqualTo(200);
    }

    enum Encoding {
        JSON {
            @Override
            TestApi.Response send(TestApi.Call call, Map<String, String> fields) {
                return call.json(fields).send();
            }
        },
        FORM {
            @Override
            TestApi.Response send(TestApi.Call call, Map<String, String> fields) {
                return call.form(fields).send();
            }
        },
        MULTIPART {
            @Override
            TestApi.Response send(TestApi.Call call, Map<String, String> fields) {
                return call.multipart(fields).send();
            }
        };

        abstract TestApi.Response send(TestApi.Call call, Map<String, String> fields);
    }
}
