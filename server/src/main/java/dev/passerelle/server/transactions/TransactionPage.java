package dev.passerelle.server.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.passerelle.server.api.PageLinks;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of a transaction list ({@code TransactionsList}): {@code first_date} and
 * {@code last_date} bound everything the scope holds, {@code result_min_date} and
 * {@code result_max_date} this page. Powens' schema makes all four required dates, never null
 * (docs/protocol.md, "Empty pages"): an empty page reports the window asked for ({@code min_date},
 * {@code max_date}) or else the scope's bounds, and an empty scope today.
 */
record TransactionPage(List<TransactionView> transactions, long total, LocalDate firstDate, LocalDate lastDate,
                       LocalDate resultMinDate, LocalDate resultMaxDate, @JsonProperty("_links") PageLinks links) {
}
