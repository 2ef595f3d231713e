package dev.passerelle.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed in aligned columns, the last one free; cells longer than {@code max} are cut with an
 * ellipsis, and shown as {@link TerminalText} (a cell is the server's or a bank's text).
 */
final class Table {

    private static final int MAX = 40;

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : TerminalText.of(cells[i].toString());
            text[i] = cell.length() > MAX && i < cells.length - 1 ? cell.substring(0, MAX - 1) + "…" : cell;
        }
        rows.add(text);
        return this;
    }

    void print(PrintStream out) {
        int columns = rows.getFirst().length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
