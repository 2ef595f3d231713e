package dev.passerelle.server.transactions;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.AmountParam;
import dev.passerelle.server.api.SingleValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The search parameters of a transaction list (docs/protocol.md §7.2, Powens' reference "List
 * transactions"): {@code wording}, {@code min_value}, {@code max_value}, {@code value} and
 * {@code search}, as SQL conditions over {@code bank_transaction t}. A client that sends them gets
 * the rows they select, never the whole list as if they had not been sent. Texts match
 * case-insensitively, folded by the database on both sides so that both fold alike; amounts compare
 * exactly, as decimals.
 *
 * @param wording  text the {@code wording} contains, or null
 * @param minValue the least {@code value}, included, or null
 * @param maxValue the greatest {@code value}, included, or null
 * @param values   the amounts {@code value} lists (empty: any)
 * @param search   text to find in the labels, or as an amount or a date, or null
 */
record TransactionSearch(String wording, BigDecimal minValue, BigDecimal maxValue, List<BigDecimal> values,
                         Search search) {

    static final TransactionSearch NONE = new TransactionSearch(null, null, null, List.of(), null);

    /** As many amounts as {@code value} may list: a search, not a way to send a table. */
    static final int MAX_VALUES = 100;

    /** No label is longer ({@code bank_transaction}'s wording columns), so no longer text can match. */
    static final int MAX_TEXT = 500;

    /** The labels {@code search} looks in: the bank's, its simplified form, the one shown, the other party's. */
    private static final List<String> LABELS = List.of("t.original_wording", "t.simplified_wording", "t.wording",
            "t.counterparty_label");

    /** What {@code search} finds besides text: the amount it reads as, either sign, and the day it names. */
    record Search(String text, BigDecimal amount, LocalDate day) {
    }

    /**
     * The parameters as the query holds them ({@code values} gives a parameter's values, null for an
     * absent one). Each is given once: of {@code value=1&value=2}, neither the first nor the last would
     * be what the client meant ({@code value=1|2} is).
     */
    static TransactionSearch of(Function<String, String[]> values) {
        UnaryOperator<String> parameter = name -> SingleValue.of(name, values.apply(name));
        String search = text("search", parameter.apply("search"));
        return new TransactionSearch(text("wording", parameter.apply("wording")),
                AmountParam.of("min_value", parameter.apply("min_value")),
                AmountParam.of("max_value", parameter.apply("max_value")),
                values(parameter.apply("value")),
                search == null ? null : new Search(search, AmountParam.read(search).map(BigDecimal::abs).orElse(null),
                        day(search)));
    }

    /** Conditions each starting with {@code AND}, or nothing. */
    String narrowing() {
        StringBuilder sql = new StringBuilder();
        if (wording != null) {
            sql.append(" AND ").append(contains("t.wording", "wording"));
        }
        if (minValue != null) {
            sql.append(" AND t.amount >= :minValue");
        }
        if (maxValue != null) {
            sql.append(" AND t.amount <= :maxValue");
        }
        if (!values.isEmpty()) {
            sql.append(" AND t.amount IN (:values)");
        }
        if (search != null) {
            List<String> any = new ArrayList<>(LABELS.stream().map(label -> contains(label, "search")).toList());
            if (search.amount() != null) {
                any.add("ABS(t.amount) = :searchAmount");
            }
            if (search.day() != null) {
                any.add("t.tx_date = :searchDay");
                any.add("t.application_date = :searchDay");
            }
            sql.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        return sql.toString();
    }

    void addParams(Map<String, Object> params) {
        if (wording != null) {
            params.put("wording", likePattern(wording));
        }
        if (minValue != null) {
            params.put("minValue", minValue);
        }
        if (maxValue != null) {
            params.put("maxValue", maxValue);
        }
        if (!values.isEmpty()) {
            params.put("values", values);
        }
        if (search != null) {
            params.put("search", likePattern(search.text()));
            if (search.amount() != null) {
                params.put("searchAmount", search.amount());
            }
            if (search.day() != null) {
                params.put("searchDay", search.day());
            }
        }
    }

    /** {@code column} holds {@code :param}'s pattern, both folded to lower case by the database. */
    private static String contains(String column, String param) {
        return "LOWER(" + column + ") LIKE LOWER(:" + param + ") ESCAPE '\\'";
    }

    /** A {@code LIKE} pattern finding {@code text} anywhere, its own {@code %} and {@code _} taken literally. */
    private static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String text(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > MAX_TEXT) {
            throw ApiError.INVALID_VALUE.exception("'" + name + "' is at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    /**
     * {@code value}: amounts separated by {@code |}, each matched exactly; {@code ±12.5} stands for
     * both {@code 12.5} and {@code -12.5}.
     */
    private static List<BigDecimal> values(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String[] terms = raw.split("\\|", -1);
        if (terms.length > MAX_VALUES) {
            throw ApiError.INVALID_VALUE.exception("'value' lists at most " + MAX_VALUES + " amounts");
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (String term : terms) {
            String amount = term.strip();
            boolean eitherSign = amount.startsWith("±");
            BigDecimal read = AmountParam.read(eitherSign ? amount.substring(1) : amount)
                    .filter(a -> !eitherSign || a.signum() >= 0)
                    .orElseThrow(() -> AmountParam.invalid("value", ", or several separated by | (±12.50 for either sign)"));
            amounts.add(read);
            if (eitherSign) {
                amounts.add(read.negate());
            }
        }
        return List.copyOf(amounts);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
