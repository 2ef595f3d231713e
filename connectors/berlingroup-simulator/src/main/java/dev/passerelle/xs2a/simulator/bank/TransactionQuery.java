package dev.passerelle.xs2a.simulator.bank;

import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The query of a transaction list (OpenAPI file, parameters {@code bookingStatus}, {@code dateFrom},
 * {@code dateTo}, {@code pageIndex}, {@code itemsPerPage}): which entries, and which page of them.
 * For booked entries the booking date counts, for pending ones the entry date (the file's words).
 */
record TransactionQuery(boolean booked, boolean pending, LocalDate from, LocalDate to, int pageIndex,
                        Optional<Integer> itemsPerPage) {

    private static final int MAX_ITEMS_PER_PAGE = 500;
    private static final Set<String> BOOKING_STATUSES = Set.of("booked", "pending", "both");

    /** One page of the selected entries; {@code hasNext} when more follow. */
    record Page(List<BankTransaction> entries, int index, boolean hasNext) {
    }

    static TransactionQuery of(Call call, LocalDate today) {
        String bookingStatus = call.query("bookingStatus").orElseThrow(() ->
                Xs2aException.formatError("bookingStatus", "bookingStatus is required (booked, pending or both)."));
        if (!BOOKING_STATUSES.contains(bookingStatus)) {
            throw Xs2aException.of(TppMessageCode.PARAMETER_NOT_SUPPORTED,
                    "bookingStatus " + bookingStatus + " is not supported; use booked, pending or both.");
        }
        if (call.query("entryReferenceFrom").isPresent() || call.query("deltaList").filter("true"::equals).isPresent()) {
            throw Xs2aException.of(TppMessageCode.PARAMETER_NOT_SUPPORTED,
                    "Delta reports (entryReferenceFrom, deltaList) are not supported; use dateFrom.");
        }
        LocalDate from = date(call, "dateFrom").orElseThrow(() ->
                Xs2aException.formatError("dateFrom", "dateFrom is required."));
        LocalDate to = date(call, "dateTo").orElse(today);
        if (from.isAfter(to)) {
            throw Xs2aException.of(TppMessageCode.PERIOD_INVALID, "dateFrom is after dateTo.");
        }
        int pageIndex = integer(call, "pageIndex").orElse(0);
        if (pageIndex < 0) {
            throw Xs2aException.formatError("pageIndex", "pageIndex must not be negative.");
        }
        Optional<Integer> itemsPerPage = integer(call, "itemsPerPage");
        if (itemsPerPage.filter(n -> n < 1).isPresent()) {
            throw Xs2aException.formatError("itemsPerPage", "itemsPerPage must be at least 1.");
        }
        return new TransactionQuery(!bookingStatus.equals("pending"), !bookingStatus.equals("booked"), from, to,
                pageIndex, itemsPerPage);
    }

    /** The entries asked for, pending ones first, each group newest first. */
    List<BankTransaction> select(List<BankTransaction> entries) {
        return entries.stream()
                .filter(entry -> entry.pending() ? pending : booked)
                .filter(entry -> {
                    LocalDate relevant = entry.pending() ? entry.transactionDate() : entry.bookingDate();
                    return !relevant.isBefore(from) && !relevant.isAfter(to);
                })
                .sorted((a, b) -> Boolean.compare(b.pending(), a.pending()))
                .toList();
    }

    /** The page asked for; {@code bankPageSize} is the most the bank gives on one page. */
    Page page(List<BankTransaction> selected, int bankPageSize) {
        int size = Math.min(itemsPerPage.orElse(bankPageSize), Math.min(bankPageSize, MAX_ITEMS_PER_PAGE));
        long start = (long) pageIndex * size;
        if (start >= selected.size() && pageIndex > 0) {
            throw Xs2aException.formatError("pageIndex", "pageIndex is out of range.");
        }
        int first = (int) start;
        int end = Math.min(selected.size(), first + size);
        return new Page(selected.subList(first, end), pageIndex, end < selected.size());
    }

    /** The same query string with another {@code pageIndex}: what {@code _links.next} and its kin point to. */
    static String withPage(Call call, int pageIndex) {
        StringJoiner query = new StringJoiner("&");
        call.queryParams().forEach((name, values) -> {
            if (!name.equals("pageIndex")) {
                values.forEach(value -> query.add(encode(name) + "=" + encode(value)));
            }
        });
        query.add("pageIndex=" + pageIndex);
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Optional<Integer> integer(Call call, String name) {
        return call.query(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw Xs2aException.formatError(name, name + " must be an integer.");
            }
        });
    }

    private static Optional<LocalDate> date(Call call, String name) {
        return call.query(name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw Xs2aException.formatError(name, name + " must be an ISO date (YYYY-MM-DD).");
            }
        });
    }
}
