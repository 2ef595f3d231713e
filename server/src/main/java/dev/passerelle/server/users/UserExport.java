package dev.passerelle.server.users;

import dev.passerelle.server.api.ApiError;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * One user's data as a JSON document (GDPR art. 15 and 20): the user, then each feature's
 * {@link UserDataSection}, with the time it was taken. Documents' files are listed, with the route
 * that downloads each, rather than inlined.
 */
@Service
public class UserExport {

    private final UserAccounts users;
    private final List<UserDataSection> sections;
    private final Clock clock;

    public UserExport(UserAccounts users, ObjectProvider<UserDataSection> sections, Clock clock) {
        this.users = users;
        this.sections = sections.orderedStream().toList();
        this.clock = clock;
    }

    /** The export of {@code userId}, section by section; 404 for a user that does not exist. */
    public Map<String, Object> of(long userId) {
        User user = users.find(userId).orElseThrow(() -> ApiError.NOT_FOUND.exception("No user " + userId));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exported", clock.instant());
        export.put("user", new UserDetails(user.id(), user.signin(), user.clientId(), user.temporaryUntil()));
        sections.forEach(section -> export.put(section.name(), section.export(userId)));
        return export;
    }

    /** The user as the export shows it: also the client application it belongs to, and when a temporary user ends. */
    record UserDetails(long id, Instant signin, Long idClient, Instant temporaryUntil) {
    }
}
