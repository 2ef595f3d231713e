package dev.passerelle.server.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of a transaction list (PROTOCOL-NOTES §7.2 {@code TransactionsList}): {@code first_date}
 * and {@code last_date} bound everything the scope holds, {@code result_min_date} and
 * {@code result_max_date} this page; all are null when there is nothing to bound.
 */
record TransactionPage(List<TransactionView> transactions, long total, LocalDate firstDate, LocalDate lastDate,
                       LocalDate resultMinDate, LocalDate resultMaxDate, @JsonProperty("_links") PageLinks links) {
}
