package dev.passerelle.connector;

import java.util.List;

/** A connector that reads bills and statements ({@link Capability#DOCUMENT}). */
public interface DocumentCapability {

    /** The subscriptions the source shows; external ids stable across calls. */
    List<Subscription> subscriptions(ConnectionContext ctx);

    /** The documents of one subscription the user activated, described without their files. */
    List<Document> documents(ConnectionContext ctx, Subscription subscription);

    /** The file of one document; asked once, for a document the server does not have yet. */
    DocumentFile file(ConnectionContext ctx, Subscription subscription, Document document);
}
