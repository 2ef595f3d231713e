package dev.passerelle.server.connections;

/**
 * Published once a connection and all its data were deleted by {@code DELETE …/connections/{c}}
 * (docs/protocol.md §8.2 {@code CONNECTION_DELETED}); {@code connection} is what it was just before.
 */
public record ConnectionDeleted(long userId, ConnectionView connection) {
}
