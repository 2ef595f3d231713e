package dev.passerelle.client;

import dev.passerelle.client.model.Transaction;
import dev.passerelle.client.model.TransactionPage;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's transactions (docs/data.md): one page, every page (following {@code _links.next} as the
 * server wrote it), or every transaction as a stream fetched page by page; one transaction, and the
 * edit of its metadata.
 */
public final class TransactionService {

    private final Transport transport;
    private final String user;

    TransactionService(Transport transport, String user) {
        this.transport = transport;
        this.user = user;
    }

    /** One page: newest first, 1000 rows unless the query says. */
    public TransactionPage list(TransactionQuery query) {
        return transport.get(query.path(user), query.query(), TransactionPage.class);
    }

    /** Every page of the query, each fetched when the previous one was consumed. */
    public Pages<TransactionPage> pages(TransactionQuery query) {
        return new Pages<>(() -> list(query), TransactionPage::nextHref, page -> page.nextHref() == null || page.transactions().isEmpty()
                ? null : transport.follow(page.nextHref(), TransactionPage.class));
    }

    /** Every transaction of the query, newest first, fetched a page at a time. */
    public Stream<Transaction> stream(TransactionQuery query) {
        return pages(query).stream().flatMap(page -> page.transactions().stream());
    }

    public Transaction get(long id) {
        return transport.get(user + "/transactions/" + id, null, Transaction.class);
    }

    /**
     * Sets any of {@code wording}, {@code application_date} (a {@code LocalDate}), {@code comment},
     * {@code active} on one transaction, its metadata: an empty wording or date gives the bank's
     * back, an empty comment removes it (docs/data.md). A sync keeps what was set.
     */
    public Transaction edit(long id, Map<String, ?> changes) {
        return transport.call("POST", user + "/transactions/" + id, null, changes, Transaction.class);
    }
}
