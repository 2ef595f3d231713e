package dev.passerelle.server.ingestion;

/**
 * Published once a source's accounts were listed and stored, before any transaction is fetched
 * (docs/protocol.md §8.2 {@code ACCOUNTS_FETCHED}), inside the transaction that stored them.
 */
public record AccountsFetched(long userId, long connectionId, long sourceId) {
}
