package dev.passerelle.server.documents;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import dev.passerelle.server.api.Paging;
import dev.passerelle.server.users.UserDataSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The user's subscriptions in their data export, consented or not, each with its documents as the
 * API lists them; a document's file is downloaded at {@code file_route}, not inlined.
 */
@Component
@Order(40)
class SubscriptionsExport implements UserDataSection {

    private final SubscriptionStore subscriptions;
    private final DocumentStore documents;

    SubscriptionsExport(SubscriptionStore subscriptions, DocumentStore documents) {
        this.subscriptions = subscriptions;
        this.documents = documents;
    }

    /** A document and the route of its file. */
    record ExportedDocument(@JsonUnwrapped DocumentView document, String fileRoute) {
    }

    record Exported(@JsonUnwrapped SubscriptionView subscription,
                    List<ExportedDocument> documents) {
    }

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public List<Exported> export(long userId) {
        return subscriptions.list(new Visible(userId, null, true)).stream()
                .map(row -> new Exported(SubscriptionView.of(row), documents(userId, row.id())))
                .toList();
    }

    private List<ExportedDocument> documents(long userId, long subscriptionId) {
        List<ExportedDocument> all = new ArrayList<>();
        List<DocumentRow> page;
        do {
            page = documents.list(DocumentStore.Filter.of(userId, subscriptionId), Paging.MAX_LIMIT, all.size());
            page.forEach(row -> all.add(new ExportedDocument(DocumentView.of(row),
                    "/users/" + userId + "/documents/" + row.id() + "/file")));
        } while (page.size() == Paging.MAX_LIMIT);
        return all;
    }
}
