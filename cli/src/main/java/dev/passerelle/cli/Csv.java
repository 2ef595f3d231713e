package dev.passerelle.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One CSV record (RFC 4180): a field with a comma, a quote or a line break is quoted, its quotes doubled. */
final class Csv {

    private Csv() {
    }

    static String line(Object... fields) {
        return Arrays.stream(fields).map(field -> field == null ? "" : field.toString()).map(Csv::escape)
                .collect(Collectors.joining(","));
    }

    private static String escape(String field) {
        boolean quoted = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return quoted ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
