package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.support.TestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The auth calls tests chain together, each asserting that its step succeeded. */
public final class AuthSteps {

    private final TestApi api;

    public AuthSteps(TestApi api) {
        this.api = api;
    }

    /** The test context's config token, read from the file the server generated. */
    public static String configToken(DataDirectory dataDirectory) {
        try {
            return Files.readString(dataDirectory.secretPath(ConfigToken.FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test context's users token, read from the file the server generated. */
    public static String usersToken(DataDirectory dataDirectory) {
        try {
            return Files.readString(dataDirectory.secretPath(UsersToken.FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /auth/init} with the client's credentials: a permanent user. */
    public JsonNode permanentUser(TestClient client) {
        return ok(api.post("/auth/init").form(client.credentials()).send());
    }

    /** Anonymous {@code POST /auth/init}: a temporary user. */
    public JsonNode temporaryUser() {
        return ok(api.post("/auth/init").send());
    }

    /** {@code GET /auth/token/code?type=...} with {@code bearer}: the code. */
    public String code(String bearer, String type) {
        return ok(api.get("/auth/token/code?type=" + type).bearer(bearer).send()).get("code").asString();
    }

    /** {@code POST /auth/token/access}: the permanent access token. */
    public String exchange(String code, TestClient client) {
        return ok(api.post("/auth/token/access").form(client.credentialsAnd(Map.of("code", code))).send())
                .get("access_token").asString();
    }

    /** The status of {@code GET /users/me} with {@code bearer}. */
    public int whoAmIStatus(String bearer) {
        return api.get("/users/me").bearer(bearer).send().status();
    }

    private static JsonNode ok(TestApi.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }
}
