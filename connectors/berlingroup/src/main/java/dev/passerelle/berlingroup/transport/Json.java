package dev.passerelle.berlingroup.transport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reading the bank's JSON leniently: a missing, blank or malformed optional element is absent. */
public final class Json {

    /** OpenAPI {@code amountValue}. */
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,14}(\\.[0-9]{1,3})?");
    /** OpenAPI {@code currencyCode}. */
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Json() {
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? Optional.empty()
                : Optional.of(printable(value.asString()).strip()).filter(text -> !text.isEmpty());
    }

    /**
     * A text of the bank's as it can be stored and shown: control characters dropped but tabs and line
     * ends (PostgreSQL refuses NUL in text), unpaired surrogates, which JSON's escapes allow (RFC 8259
     * §8.2) but are no character, as U+FFFD.
     */
    public static String printable(String text) {
        if (text.chars().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
            return text;
        }
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                printable.append('\uFFFD');
            } else if (!Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r') {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }

    public static Optional<LocalDate> date(JsonNode node, String field) {
        return text(node, field).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * An {@code amount} object ({@code {"currency": "EUR", "amount": "-12.30"}}) as the OpenAPI file
     * defines it: {@code amountValue} up to 14 digits and 3 decimals with a dot ({@code 12,50},
     * {@code 1e400}, {@code NaN} are none), {@code currencyCode} three letters (ISO 4217). A JSON number
     * is read as its text; a currency in lower case is taken in upper case.
     */
    public static Optional<Amount> amount(JsonNode node, String field) {
        JsonNode amount = node == null ? null : node.get(field);
        if (amount == null || !amount.isObject()) {
            return Optional.empty();
        }
        Optional<String> currency = text(amount, "currency").map(code -> code.toUpperCase(Locale.ROOT))
                .filter(CURRENCY.asMatchPredicate());
        Optional<String> value = text(amount, "amount").filter(AMOUNT.asMatchPredicate());
        if (currency.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Amount(new BigDecimal(value.get()), currency.get()));
    }

    /**
     * The {@code _links} of an answer, by relation: each link is {@code {"href": …}} (or, from some
     * banks, the bare href).
     */
    public static Map<String, String> links(JsonNode node) {
        Map<String, String> links = new LinkedHashMap<>();
        node.path("_links").properties().forEach(e -> {
            String href = href(e.getValue());
            if (!href.isEmpty()) {
                links.put(e.getKey(), href);
            }
        });
        return links;
    }

    /** One link of an answer, or {@code ""}. */
    public static String link(JsonNode node, String relation) {
        return href(node.path("_links").path(relation));
    }

    private static String href(JsonNode link) {
        return link.isString() ? link.asString().strip() : link.path("href").asString("").strip();
    }

    /** An amount in a currency. */
    public record Amount(BigDecimal value, String currency) {
    }
}
