package dev.passerelle.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One CSV record (RFC 4180): a field with a comma or a quote is quoted, its quotes doubled. Its
 * text is the server's or a bank's, shown as {@link TerminalText} (a line break becomes a space, so
 * a record is one line, and the file may be printed). A text field that a spreadsheet would run as
 * a formula, one that starts with {@code = + - @} (OWASP, "CSV Injection"), gets a leading
 * apostrophe, which spreadsheets read as "the rest is text": a wording is chosen by whoever sent
 * the transfer. Numbers, dates and booleans are written as they are, so {@code -12.50} stays a number.
 */
final class Csv {

    private static final String FORMULA_STARTS = "=+-@";

    private Csv() {
    }

    static String line(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(","));
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = TerminalText.of(value.toString());
        if (value instanceof CharSequence && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
