package dev.passerelle.server.connections;

import java.time.Instant;

/**
 * Published when a step left a source waiting for a decoupled validation (docs/protocol.md §4
 * {@code decoupled}), so that the server polls it in the background ({@link DecoupledPolls}) without
 * the client's {@code resume=true}.
 *
 * @param asked    when the validation was asked of the user; a poll that is still waiting keeps the
 *                 time of the step that asked
 * @param nextPoll when to poll the institution next
 * @param fresh    the step asked for a new validation (credentials, a sync with the user, an answer),
 *                 rather than polling the one already asked
 */
public record DecoupledPending(long userId, long connectionId, String source, Instant asked, Instant nextPoll,
                               boolean fresh) {
}
