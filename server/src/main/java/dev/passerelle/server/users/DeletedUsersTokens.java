package dev.passerelle.server.users;

import dev.passerelle.server.auth.TokenService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted user's tokens went with it (the foreign key cascades): the token resolutions cached
 * by {@code auth} are forgotten, so that none of them answers for the user any more. Here rather
 * than in {@code auth}, which knows nothing of users.
 */
@Component
class DeletedUsersTokens {

    private final TokenService tokens;

    DeletedUsersTokens(TokenService tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void onUserDeleted(UserDeleted deleted) {
        tokens.forgetResolutions();
    }
}
