package dev.passerelle.server.ingestion;

import java.time.Instant;

/**
 * Published once the documents of a consented subscription were fetched and stored (docs/protocol.md
 * §8.2 {@code SUBSCRIPTION_SYNCED}), inside the transaction that stored them. The documents this
 * fetch inserted are those whose {@code created} is {@code fetched}.
 */
public record SubscriptionSynced(long userId, long connectionId, long subscriptionId, Instant fetched) {
}
