package dev.passerelle.client.model;

/**
 * The body of {@code CONNECTION_SYNCED} and {@code ACCOUNTS_FETCHED} webhooks: the user and the
 * connection, whose accounts carry the transactions the sync inserted.
 */
public record ConnectionEvent(User user, Connection connection, long idWebhookData) {
}
