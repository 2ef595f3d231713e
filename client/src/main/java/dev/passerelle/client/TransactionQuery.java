package dev.passerelle.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET …/transactions} (docs/data.md, "Transactions"): a scope (an account or
 * a connection, else all the user's), inclusive date bounds on {@code filter}'s column
 * ({@code application_date} by default, or {@code date}), rows changed after {@code lastUpdate}
 * (incremental sync), credits or debits only ({@code income}), the search parameters
 * ({@link Search}), and the page size (1–1000).
 */
public record TransactionQuery(Long account, Long connection, LocalDate minDate, LocalDate maxDate, String filter,
                               LocalDateTime lastUpdate, Boolean income, Boolean deleted, boolean all, Integer limit,
                               Integer offset, Search search) {

    /**
     * The search parameters (docs/data.md, "Transactions"): text the wording contains, whatever its
     * case; inclusive bounds on the value; exact values; text to find in the labels, or an amount of
     * either sign, or a date.
     */
    public record Search(String wording, BigDecimal minValue, BigDecimal maxValue, List<BigDecimal> values, String text) {

        static final Search NONE = new Search(null, null, null, List.of(), null);

        public Search {
            values = List.copyOf(values);
        }
    }

    /** Every live transaction of the user's enabled accounts, 1000 a page. */
    public static TransactionQuery create() {
        return new TransactionQuery(null, null, null, null, null, null, null, null, false, null, null, Search.NONE);
    }

    public TransactionQuery ofAccount(long id) {
        return new TransactionQuery(id, null, minDate, maxDate, filter, lastUpdate, income, deleted, all, limit, offset,
                search);
    }

    public TransactionQuery ofConnection(long id) {
        return new TransactionQuery(null, id, minDate, maxDate, filter, lastUpdate, income, deleted, all, limit, offset,
                search);
    }

    /** Inclusive bounds; either may be null. */
    public TransactionQuery between(LocalDate from, LocalDate until) {
        return new TransactionQuery(account, connection, from, until, filter, lastUpdate, income, deleted, all, limit,
                offset, search);
    }

    /** Bounds on the booking {@code date} instead of {@code application_date}. */
    public TransactionQuery byBookingDate() {
        return new TransactionQuery(account, connection, minDate, maxDate, "date", lastUpdate, income, deleted, all, limit,
                offset, search);
    }

    /** Only rows created or changed after {@code since}, in the server's zone. */
    public TransactionQuery changedAfter(LocalDateTime since) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, since, income, deleted, all, limit,
                offset, search);
    }

    /** Deleted rows too. */
    public TransactionQuery withDeleted() {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, income, null, true, limit,
                offset, search);
    }

    /** {@code true}: credits only; {@code false}: debits only. */
    public TransactionQuery income(boolean credits) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, credits, deleted, all, limit,
                offset, search);
    }

    /** Only rows whose wording contains {@code text}, whatever its case. */
    public TransactionQuery wording(String text) {
        return withSearch(new Search(text, search.minValue(), search.maxValue(), search.values(), search.text()));
    }

    /** Values from {@code min} to {@code max}, both included; either may be null. */
    public TransactionQuery valueBetween(BigDecimal min, BigDecimal max) {
        return withSearch(new Search(search.wording(), min, max, search.values(), search.text()));
    }

    /** Only these exact values (their sign counts). */
    public TransactionQuery valueIn(BigDecimal... values) {
        return withSearch(new Search(search.wording(), search.minValue(), search.maxValue(), List.of(values), search.text()));
    }

    /** Rows with {@code text} in a label, or of that amount (either sign), or on that date ({@code YYYY-MM-DD}). */
    public TransactionQuery search(String text) {
        return withSearch(new Search(search.wording(), search.minValue(), search.maxValue(), search.values(), text));
    }

    private TransactionQuery withSearch(Search changed) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, income, deleted, all, limit,
                offset, changed);
    }

    public TransactionQuery pageSize(int size) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, income, deleted, all, size,
                offset, search);
    }

    public TransactionQuery startingAt(int rows) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, income, deleted, all, limit,
                rows, search);
    }

    String path(String user) {
        if (account != null) {
            return user + "/accounts/" + account + "/transactions";
        }
        return connection != null ? user + "/connections/" + connection + "/transactions" : user + "/transactions";
    }

    Query query() {
        return Query.of().add("min_date", minDate).add("max_date", maxDate).add("filter", filter)
                .add("last_update", lastUpdate == null ? null : Wire.DATE_TIME.format(lastUpdate.withNano(0)))
                .add("income", income).add("deleted", deleted).flag("all", all).add("limit", limit).add("offset", offset)
                .add("wording", search.wording()).add("min_value", plain(search.minValue()))
                .add("max_value", plain(search.maxValue()))
                .add("value", search.values().isEmpty() ? null
                        : search.values().stream().map(TransactionQuery::plain).collect(Collectors.joining("|")))
                .add("search", search.text());
    }

    /** {@code 1000}, not the {@code 1E+3} {@link BigDecimal#toString} may write. */
    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
