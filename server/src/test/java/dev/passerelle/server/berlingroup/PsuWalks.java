package dev.passerelle.server.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Makes the {@link PsuWalk} of each test: a new user of a new client application, at a bank. Made when
 * a test asks for it ({@code @Lazy}): the {@link TestApi} it calls is known once the server listens.
 */
@Component
@Lazy
class PsuWalks {

    private final TestApi api;
    private final TestUsers users;
    private final ClientApplications clients;

    PsuWalks(TestApi api, TestUsers users, ClientApplications clients) {
        this.api = api;
        this.users = users;
        this.clients = clients;
    }

    /** A new permanent user of a new client application, about to connect to {@code bank}. */
    PsuWalk newUserAt(Xs2aBank bank) {
        return new PsuWalk(api, bank, TestClient.registerIn(clients), users.permanent());
    }

    /** A new temporary user, as an anonymous {@code POST /auth/init} makes one, about to connect to {@code bank}. */
    PsuWalk newTemporaryUserAt(Xs2aBank bank) {
        JsonNode init = api.post("/auth/init").send().json();
        assertThat(init.get("type").asString()).isEqualTo("temporary");
        return new PsuWalk(api, bank, TestClient.registerIn(clients),
                new TestUser(init.get("id_user").asLong(), init.get("auth_token").asString()));
    }
}
