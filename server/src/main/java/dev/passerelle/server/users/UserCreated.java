package dev.passerelle.server.users;

/**
 * Published when a permanent user comes to be: created permanent, or a temporary user made
 * permanent (docs/protocol.md §1.3, which emits {@code USER_CREATED}; §1.4: webhooks concern
 * permanent users only).
 */
public record UserCreated(User user) {
}
