package dev.passerelle.server.berlingroup;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

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
}
