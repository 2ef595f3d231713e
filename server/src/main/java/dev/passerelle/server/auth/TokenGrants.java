package dev.passerelle.server.auth;

import dev.passerelle.server.api.ApiError;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ways a token is granted (docs/protocol.md §1.3), each one transaction: a user is never left
 * without the token that was meant to reach it, and a single-use code is only spent by an exchange
 * that succeeds.
 */
@Service
public class TokenGrants {

    private static final String INVALID_CODE = "code is invalid or expired";

    private final TokenHolders users;
    private final TokenService tokens;

    public TokenGrants(TokenHolders users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** {@code /auth/init} by a client application ({@code clientId}) or the config token (null). */
    @Transactional
    public TokenService.Issued newPermanentUser(Long clientId) {
        return tokens.issue(TokenKind.PERMANENT, users.createPermanent(clientId), clientId);
    }

    /** Anonymous {@code /auth/init}: the user and its token both live 30 minutes. */
    @Transactional
    public TokenService.Issued newTemporaryUser() {
        return tokens.issue(TokenKind.TEMPORARY, users.createTemporary(), null);
    }

    /**
     * {@code /auth/token/access}: a live temporary token or code of a user that no other client owns
     * becomes a permanent token of {@code clientId}, and its user permanent. Anything else is the
     * same 400, so a caller learns nothing about codes it does not hold.
     */
    @Transactional
    public TokenService.Issued exchange(String code, long clientId) {
        Caller.User holder = tokens.resolve(code)
                .filter(caller -> caller.kind().isExchangeable())
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception(INVALID_CODE));
        TokenHolders.Holder user = users.find(holder.userId())
                .filter(found -> found.clientId() == null || found.clientId() == clientId)
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception(INVALID_CODE));
        users.makePermanent(user.id(), clientId);
        return tokens.issue(TokenKind.PERMANENT, user.id(), clientId);
    }

    /**
     * {@code /auth/renew}: a new permanent token for user {@code userId} of {@code clientId}, or for a
     * new user when absent; with {@code revokePrevious} the user's other permanent tokens die.
     * Only the client's own users can be renewed (see {@link #owned}).
     */
    @Transactional
    public TokenService.Issued renew(long clientId, Optional<Long> userId, boolean revokePrevious) {
        long id = userId.map(requested -> owned(requested, clientId))
                .orElseGet(() -> users.createPermanent(clientId));
        TokenService.Issued issued = tokens.issue(TokenKind.PERMANENT, id, clientId);
        if (revokePrevious) {
            tokens.revokeOtherPermanentTokens(id, issued.id());
        }
        return issued;
    }

    /**
     * {@code userId} when {@code clientId} owns that user, else the 404 of a missing user: the client
     * secret alone must not reach another client's users, nor a user that no client owns yet (created
     * anonymously or with the config token), which only {@link #exchange} of one of its codes hands to
     * a client. Both refusals read alike, so a client learns nothing about users it does not own.
     */
    private long owned(long userId, long clientId) {
        return users.find(userId)
                .filter(user -> user.clientId() != null && user.clientId() == clientId)
                .map(TokenHolders.Holder::id)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No such user for this client"));
    }
}
