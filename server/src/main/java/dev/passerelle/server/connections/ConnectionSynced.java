package dev.passerelle.server.connections;

import java.time.Instant;

/**
 * Published, inside the request or task that ran it, when a step on a connection ended in a
 * resting state: synced, or stopped on a state the user or the bank must clear (docs/protocol.md
 * §8.2 {@code CONNECTION_SYNCED}). A step that waits for an answer, a decoupled validation or a
 * redirect is not an end. The data feature has pulled the connection's data by then; what that
 * pull inserted is stamped {@code stepEnded} or later.
 */
public record ConnectionSynced(long userId, long connectionId, Instant stepEnded) {
}
