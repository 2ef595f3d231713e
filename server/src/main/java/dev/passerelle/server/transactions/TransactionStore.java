package dev.passerelle.server.transactions;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.server.api.Paging;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reads of the transaction endpoints (docs/protocol.md §7.2), always within one user's consented accounts. */
@Component
class TransactionStore {

    private final JdbcClient jdbc;

    TransactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page, newest first by the filter's date column, then by id. */
    List<TransactionView> page(TransactionFilter filter, Paging paging) {
        return jdbc.sql(pageSql(filter))
                .params(filter.params())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(TransactionView::of).list();
    }

    /**
     * One page as {@link #page} reads it, with its scope as a list's answer reports it, in one
     * statement (a page is the API's most frequent read: docs/performance.md, P2): how many rows the
     * result holds ({@code total}), and the earliest and latest date of the scope whatever the date
     * criteria ({@code first_date}, {@code last_date}), in one pass over the scope. The scope's one
     * row is joined to the page's rows, so that it comes back when the page is empty too.
     */
    ScopedPage scopedPage(TransactionFilter filter, Paging paging) {
        String narrowing = filter.narrowing();
        String scope = "SELECT COUNT(*)" + (narrowing.isEmpty() ? "" : " FILTER (WHERE TRUE" + narrowing + ")")
                + " AS total, MIN(" + filter.dateColumn() + ") AS first_date, MAX(" + filter.dateColumn()
                + ") AS last_date" + filter.scopeSql();
        return jdbc.sql("SELECT p.*, s.total, s.first_date, s.last_date FROM (" + scope + ") s LEFT JOIN ("
                        + pageSql(filter) + ") p ON TRUE ORDER BY p.page_date DESC, p.id DESC")
                .params(filter.params())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(rs -> {
                    // the scope's three columns come last, read by position as the row's are (by name, H2
                    // indexes every column of the result first)
                    int total = rs.getMetaData().getColumnCount() - 2;
                    List<TransactionView> rows = new ArrayList<>();
                    Scope counted = null;
                    while (rs.next()) {
                        if (counted == null) {
                            counted = new Scope(rs.getLong(total), new DateRange(
                                    rs.getObject(total + 1, LocalDate.class), rs.getObject(total + 2, LocalDate.class)));
                        }
                        if (rs.getObject(1) != null) {
                            rows.add(TransactionView.of(rs, rows.size()));
                        }
                    }
                    return new ScopedPage(rows, counted);
                });
    }

    /** The page's rows as {@link TransactionView#COLUMNS}, then its date column as {@code page_date}. */
    private static String pageSql(TransactionFilter filter) {
        return "SELECT " + TransactionView.COLUMNS + ", " + filter.dateColumn() + " AS page_date" + filter.resultSql()
                + " ORDER BY " + filter.dateColumn() + " DESC, t.id DESC LIMIT :limit OFFSET :offset";
    }

    Optional<TransactionView> find(long userId, long id) {
        return jdbc.sql("SELECT " + TransactionView.COLUMNS + " FROM bank_transaction t JOIN bank_account a ON a.id = t.id_account"
                        + " WHERE t.id = :id AND a.id_user = :user AND a.disabled IS NULL")
                .param("id", id).param("user", userId)
                .query(TransactionView::of).optional();
    }

    /**
     * Applies a user's edit to a transaction of theirs that the API shows (of a consented account),
     * marking it updated {@code now}; false when there is no such transaction.
     */
    boolean edit(long userId, long id, TransactionEdit edit, Instant now) {
        return jdbc.sql("UPDATE bank_transaction t SET " + String.join(", ", edit.sets()) + ", last_update = :now"
                        + " WHERE t.id = :id AND t.id_account IN"
                        + " (SELECT a.id FROM bank_account a WHERE a.id_user = :user AND a.disabled IS NULL)")
                .params(edit.params())
                .param("now", utc(now)).param("id", id).param("user", userId)
                .update() == 1;
    }

    /** A page of a result, and its scope. */
    record ScopedPage(List<TransactionView> rows, Scope scope) {
    }

    /** The size of a result and the dates of its scope. */
    record Scope(long total, DateRange dates) {
    }

    /** A closed range of dates, either end null when there is nothing to bound. */
    record DateRange(LocalDate first, LocalDate last) {

        /** This range, each missing bound taken from {@code fallback}. */
        DateRange orElse(DateRange fallback) {
            return new DateRange(first == null ? fallback.first : first, last == null ? fallback.last : last);
        }

        /** This range, each missing bound {@code day}. */
        DateRange orElse(LocalDate day) {
            return orElse(new DateRange(day, day));
        }
    }
}
