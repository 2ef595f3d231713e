package dev.passerelle.server.users;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a user search names ({@code GET /users?search=} and the console's search): the user with
 * that id and the owner of the connection with that id. Powens searches e-mail addresses, which
 * users do not have here, so any other text finds nobody.
 */
@Component
class UserSearch {

    private final ConnectionOwners connections;

    UserSearch(ConnectionOwners connections) {
        this.connections = connections;
    }

    /** The ids of the users {@code search} names; null when there is no search (every user). */
    List<Long> ids(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String text = search.strip();
        if (!text.matches("\\d{1,18}")) {
            return List.of();
        }
        long id = Long.parseLong(text);
        return connections.owner(id).filter(owner -> owner != id).map(owner -> List.of(id, owner)).orElse(List.of(id));
    }
}
