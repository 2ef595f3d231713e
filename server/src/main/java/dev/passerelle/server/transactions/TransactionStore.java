package dev.passerelle.server.transactions;

import dev.passerelle.server.api.Paging;
import java.time.LocalDate;
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
        return jdbc.sql("SELECT " + TransactionView.COLUMNS + filter.resultSql() + " ORDER BY " + filter.dateColumn() + " DESC, t.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(TransactionView::of).list();
    }

    /**
     * In one pass over the scope: how many rows the result holds ({@code total}), and the earliest
     * and latest date of the scope whatever the date criteria ({@code first_date}, {@code last_date}).
     */
    Scope scope(TransactionFilter filter) {
        String narrowing = filter.narrowing();
        return jdbc.sql("SELECT COUNT(*)" + (narrowing.isEmpty() ? "" : " FILTER (WHERE TRUE" + narrowing + ")")
                        + " AS total, MIN(" + filter.dateColumn() + ") AS first_date, MAX(" + filter.dateColumn()
                        + ") AS last_date" + filter.scopeSql())
                .params(filter.params())
                .query((rs, n) -> new Scope(rs.getLong(1), new DateRange(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))))
                .single();
    }

    Optional<TransactionView> find(long userId, long id) {
        return jdbc.sql("SELECT " + TransactionView.COLUMNS + " FROM bank_transaction t JOIN bank_account a ON a.id = t.id_account"
                        + " WHERE t.id = :id AND a.id_user = :user AND a.disabled IS NULL")
                .param("id", id).param("user", userId)
                .query(TransactionView::of).optional();
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
