package dev.passerelle.server.transactions;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.config.DbTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which transactions a list shows (docs/protocol.md §7.2 query parameters), as SQL over
 * {@code bank_transaction t JOIN bank_account a}. The scope (owner, account or connection,
 * deleted or not) also bounds {@code first_date}/{@code last_date}; the other criteria narrow the
 * result. Only transactions of consented accounts are ever visible.
 *
 * @param dateColumn the column {@code filter} chose: {@code application_date} (default) or {@code date}
 * @param deleted    {@code TRUE} only deleted rows, {@code FALSE} only live ones, null both
 * @param income     {@code TRUE} only credits, {@code FALSE} only debits, null both
 * @param search     the search parameters ({@link TransactionSearch#NONE} when none was sent)
 */
record TransactionFilter(long userId, Long accountId, Long connectionId, String dateColumn, LocalDate minDate,
                         LocalDate maxDate, Instant lastUpdate, Boolean income, Boolean deleted,
                         TransactionSearch search) {

    /** Every transaction the user may see, those deleted at the bank too, by application date: what an export walks. */
    static TransactionFilter everything(long userId) {
        return new TransactionFilter(userId, null, null, dateColumn(null), null, null, null, null, null,
                TransactionSearch.NONE);
    }

    /** The SQL column of a {@code filter} value. */
    static String dateColumn(String filter) {
        return switch (filter == null || filter.isBlank() ? "application_date" : filter.trim()) {
            case "application_date" -> "t.application_date";
            case "date" -> "t.tx_date";
            default -> throw ApiError.INVALID_VALUE.exception("'filter' is application_date or date");
        };
    }

    /** {@code FROM … WHERE} of the scope. */
    String scopeSql() {
        return " FROM bank_transaction t JOIN bank_account a ON a.id = t.id_account"
                + " WHERE a.id_user = :user AND a.disabled IS NULL"
                + (accountId == null ? "" : " AND a.id = :account")
                + (connectionId == null ? "" : " AND a.id_connection = :connection")
                + (deleted == null ? "" : deleted ? " AND t.deleted IS NOT NULL" : " AND t.deleted IS NULL");
    }

    /** {@code FROM … WHERE} of the result. */
    String resultSql() {
        return scopeSql() + narrowing();
    }

    /** What narrows the scope to the result: conditions each starting with {@code AND}, or nothing. */
    String narrowing() {
        return (minDate == null ? "" : " AND " + dateColumn + " >= :minDate")
                + (maxDate == null ? "" : " AND " + dateColumn + " <= :maxDate")
                + (lastUpdate == null ? "" : " AND t.last_update > :lastUpdate")
                + (income == null ? "" : income ? " AND t.amount > 0" : " AND t.amount <= 0")
                + search.narrowing();
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user", userId);
        putIfSet(params, "account", accountId);
        putIfSet(params, "connection", connectionId);
        putIfSet(params, "minDate", minDate);
        putIfSet(params, "maxDate", maxDate);
        putIfSet(params, "lastUpdate", lastUpdate == null ? null : DbTime.utc(lastUpdate));
        search.addParams(params);
        return params;
    }

    private static void putIfSet(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
