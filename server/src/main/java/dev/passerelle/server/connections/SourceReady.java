package dev.passerelle.server.connections;

/**
 * Published, inside the request or task that ran it, when a step on a connection source
 * succeeded: the source's data can now be pulled. The data feature listens to it to discover
 * accounts and subscriptions and to fetch what the user consented to, opening the source with
 * {@link SourceSessions#open}.
 */
public record SourceReady(long userId, long connectionId, long sourceId) {
}
