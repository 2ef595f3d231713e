package dev.passerelle.server.users;

/**
 * Published once a user and all its data were deleted by {@code DELETE /users/{userId}}
 * (PROTOCOL-NOTES §1.3, which emits {@code USER_DELETED}). Purged temporary users do not raise it:
 * they never became permanent, and webhooks only concern permanent users (§1.4).
 */
public record UserDeleted(long userId) {
}
