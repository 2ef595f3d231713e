package dev.passerelle.client;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The filters of {@code GET …/transactions} (docs/data.md, "Transactions"): a scope (an account or
 * a connection, else all the user's), inclusive date bounds on {@code filter}'s column
 * ({@code application_date} by default, or {@code date}), rows changed after {@code lastUpdate}
 * (incremental sync), credits or debits only ({@code income}), and the page size (1–1000).
 */
public record TransactionQuery(Long account, Long connection, LocalDate minDate, LocalDate maxDate, String filter,
                               LocalDateTime lastUpdate, Boolean income, Boolean deleted, boolean all, Integer limit,
                               Integer offset) {

    /** Every live transaction of the user's enabled accounts, 1000 a page. */
    public static TransactionQuery create() {
        return new TransactionQuery(null, null, null, null, null, null, null, null, false, null, null);
    }

    public TransactionQuery ofAccount(long id) {
        return new TransactionQuery(id, null, minDate, maxDate, filter, lastUpdate, income, deleted, all, limit, offset);
    }

    public TransactionQuery ofConnection(long id) {
        return new TransactionQuery(null, id, minDate, maxDate, filter, lastUpdate, income, deleted, all, limit, offset);
    }

    /** Inclusive bounds; either may be null. */
    public TransactionQuery between(LocalDate from, LocalDate until) {
        return new TransactionQuery(account, connection, from, until, filter, lastUpdate, income, deleted, all, limit, offset);
    }

    /** Bounds on the booking {@code date} instead of {@code application_date}. */
    public TransactionQuery byBookingDate() {
        return new TransactionQuery(account, connection, minDate, maxDate, "date", lastUpdate, income, deleted, all, limit,
                offset);
    }

    /** Only rows created or changed after {@code since}, in the server's zone. */
    public TransactionQuery changedAfter(LocalDateTime since) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, since, income, deleted, all, limit,
                offset);
    }

    /** Deleted rows too. */
    public TransactionQuery withDeleted() {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, income, null, true, limit,
                offset);
    }

    /** {@code true}: credits only; {@code false}: debits only. */
    public TransactionQuery income(boolean credits) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, credits, deleted, all, limit,
                offset);
    }

    public TransactionQuery pageSize(int size) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, income, deleted, all, size,
                offset);
    }

    public TransactionQuery startingAt(int rows) {
        return new TransactionQuery(account, connection, minDate, maxDate, filter, lastUpdate, income, deleted, all, limit,
                rows);
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
                .add("income", income).add("deleted", deleted).flag("all", all).add("limit", limit).add("offset", offset);
    }
}
