package dev.passerelle.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: fields separated by a tab,
 * rows ended by a newline, {@code \N} for NULL. A backslash, tab, newline or carriage return inside
 * a value is escaped, so any wording a bank sends (even {@code "\N"} itself) arrives unchanged.
 */
public final class CopyText {

    private final Writer out;
    private boolean firstField = true;

    public CopyText(Writer out) {
        this.out = out;
    }

    /**
     * Appends one field: null, a string, a boolean, a number, or a date or timestamp (ISO-8601,
     * which PostgreSQL reads whatever its {@code DateStyle}).
     */
    public CopyText field(Object value) {
        try {
            if (!firstField) {
                out.write('\t');
            }
            firstField = false;
            out.write(text(value));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the current row. */
    public void endRow() {
        try {
            out.write('\n');
            firstField = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "\\N";
            case String s -> escaped(s);
            case Boolean b -> b ? "t" : "f";
            case BigDecimal d -> d.toPlainString();
            case OffsetDateTime t -> t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            default -> escaped(value.toString());
        };
    }

    private static String escaped(String s) {
        StringBuilder escaped = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
