package dev.passerelle.server.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The SQL a package's sources hold, read from their string literals and text blocks, and the tables it names. */
final class SqlTexts {

    /** The words after which SQL names a table. */
    private static final Set<String> BEFORE_A_TABLE = Set.of("from", "join", "into", "update", "table", "using");

    private SqlTexts() {
    }

    /** The string literals and text blocks of every Java source under {@code directory}. */
    static List<String> literalsUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(SqlTexts::read)
                    .flatMap(source -> literals(source).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the bind parameters ({@code :connection}) that {@code literals} use. */
    static Set<String> bindNames(List<String> literals) {
        Set<String> names = new TreeSet<>();
        literals.forEach(literal -> {
            for (int at = literal.indexOf(':'); at >= 0; at = literal.indexOf(':', at + 1)) {
                if (at + 1 < literal.length() && Character.isLetter(literal.charAt(at + 1))) {
                    names.add(words(literal.substring(at + 1)).getFirst());
                }
            }
        });
        return names;
    }

    /**
     * The tables among {@code tables} that {@code literals} name: after FROM, JOIN, INTO, UPDATE,
     * TABLE or USING, or as a whole literal (a table name kept in a constant) unless it is the name
     * of a bind parameter ({@code .param("connection", id)} for {@code :connection}).
     */
    static Stream<String> tablesNamed(List<String> literals, Set<String> tables, Set<String> bindNames) {
        return literals.stream().flatMap(literal -> {
            String whole = literal.strip().toLowerCase(Locale.ROOT);
            return tables.contains(whole)
                    ? Stream.of(whole).filter(table -> !bindNames.contains(table))
                    : tablesAfterKeywords(literal, tables);
        });
    }

    private static Stream<String> tablesAfterKeywords(String literal, Set<String> tables) {
        List<String> words = words(literal);
        List<String> named = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            if (BEFORE_A_TABLE.contains(words.get(i - 1)) && tables.contains(words.get(i))) {
                named.add(words.get(i));
            }
        }
        return named.stream();
    }

    /** The tables that the Flyway migrations in {@code directory} create. */
    static Set<String> tablesOfMigrations(Path directory) {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.toString().endsWith(".sql")).map(SqlTexts::read).forEach(sql -> {
                List<String> words = words(sql);
                for (int i = 2; i < words.size(); i++) {
                    if (words.get(i - 2).equals("create") && words.get(i - 1).equals("table")) {
                        int name = words.get(i).equals("if") ? i + 3 : i;
                        tables.add(words.get(name));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /** Identifiers and keywords, lower-cased, in order. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : (text + " ").toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_') {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    /** The literals of one Java source: comments and character literals skipped, escapes left as written. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int end = i + 1;
                while (source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    literals.add(source.substring(i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOf(String source, String terminator, int from) {
        int end = source.indexOf(terminator, from);
        return end < 0 ? source.length() : end + terminator.length();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
