package dev.passerelle.server.ingestion;

import java.time.Instant;

/**
 * Published once the transactions of a consented account were fetched and stored (docs/protocol.md
 * §8.2 {@code ACCOUNT_SYNCED}), inside the transaction that stored them. The operations this fetch
 * inserted are those whose {@code date_scraped} is {@code fetched}.
 */
public record AccountSynced(long userId, long connectionId, long accountId, Instant fetched) {
}
