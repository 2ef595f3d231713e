package dev.passerelle.server.clients;

/**
 * A client application was deleted: the features holding something of it drop it (its tokens stop
 * working, its webhook endpoints go). Published inside the deletion's transaction.
 */
public record ClientDeleted(long clientId) {
}
