package dev.passerelle.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of {@code GET …/transactions}: {@code total} counts every match; {@code firstDate} and
 * {@code lastDate} bound everything the scope holds, {@code resultMinDate}/{@code resultMaxDate}
 * this page. {@code links.next} is null on the last page. {@code transactions} is required: a page
 * without it is an unreadable answer, not an empty page that would end the paging early.
 */
public record TransactionPage(@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) List<Transaction> transactions, long total, LocalDate firstDate, LocalDate lastDate,
                              LocalDate resultMinDate, LocalDate resultMaxDate, @JsonProperty("_links") Links links) {

    /** The hrefs of this page and its neighbours, relative to the API root (or carrying its path). */
    public record Links(Link self, Link next, Link prev) {
    }

    /** One link. */
    public record Link(String href) {
    }

    /** The next page's href, or null on the last page. */
    public String nextHref() {
        return links == null || links.next() == null ? null : links.next().href();
    }
}
