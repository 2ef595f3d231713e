package dev.passerelle.server.clients;

import dev.passerelle.server.auth.TokenService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted client's tokens and codes die with it, in the deletion's transaction: whatever its
 * users hold through it stops working. Here rather than in {@code auth}, which knows client
 * applications only as the {@link dev.passerelle.server.auth.ClientCredentials} they provide.
 */
@Component
class DeletedClientsTokens {

    private final TokenService tokens;

    DeletedClientsTokens(TokenService tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void onClientDeleted(ClientDeleted deleted) {
        tokens.revokeClient(deleted.clientId());
    }
}
