package dev.passerelle.server.users;

/**
 * Published once a user and all its data were deleted by {@code DELETE /users/{userId}}
 * (docs/protocol.md §1.3, which emits {@code USER_DELETED}). Purged temporary users do not raise it:
 * they never became permanent, and webhooks only concern permanent users (docs/protocol.md §1.4).
 *
 * @param clientId the client application the user was bound to, or null; the user row is gone by
 *                 the time listeners run, so webhooks learn whom to notify from here
 */
public record UserDeleted(long userId, Long clientId) {

    public UserDeleted(long userId) {
        this(userId, null);
    }
}
