package dev.passerelle.server.consent;

import dev.passerelle.server.consent.DiscoveredRows.Kind;

/**
 * The data a discovered item's consent covers (docs/protocol.md, activation): fetched the moment
 * consent is granted, deleted the moment it is withdrawn. The ingestion feature provides it, so that
 * consent, which accounts and subscriptions both use, depends on none of them.
 */
public interface ConsentedData {

    /** Fetches the item's data at once; a no-op unless it is consented and live. */
    void fetch(Kind kind, long id);

    /** Deletes the item's data (its transactions or documents), inside the caller's transaction. */
    void delete(Kind kind, long id);
}
