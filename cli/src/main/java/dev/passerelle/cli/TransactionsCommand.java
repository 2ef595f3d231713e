package dev.passerelle.cli;

import dev.passerelle.client.Passerelle;
import dev.passerelle.client.TransactionQuery;
import dev.passerelle.client.model.Transaction;
import dev.passerelle.client.model.TransactionPage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.JsonGenerator;

/**
 * {@code passerelle transactions}: the shared accounts' transactions between two dates, or those a
 * search finds (docs/data.md, the search parameters), as a table,
 * CSV (RFC 4180) or a JSON array, fetched page after page (following {@code _links.next}) with a
 * progress bar on the terminal.
 */
@Command(name = "transactions", description = "List or export transactions (table, csv, json).")
final class TransactionsCommand implements Callable<Integer> {

    private static final String[] CSV_COLUMNS = {"id", "id_account", "date", "application_date", "value", "type",
            "wording", "original_wording", "coming", "deleted"};

    @ParentCommand
    private PasserelleCommand root;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "From this date on (inclusive)")
    private LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Up to this date (inclusive)")
    private LocalDate until;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account's")
    private Long account;

    @Option(names = "--connection", paramLabel = "ID", description = "Only this connection's")
    private Long connection;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only those with TEXT in a label, or of that amount (either sign), or on that date (YYYY-MM-DD)")
    private String search;

    @Option(names = "--min-value", paramLabel = "AMOUNT", description = "Only amounts of at least AMOUNT (e.g. -100)")
    private BigDecimal minValue;

    @Option(names = "--max-value", paramLabel = "AMOUNT", description = "Only amounts of at most AMOUNT (e.g. -10.50)")
    private BigDecimal maxValue;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the standard output")
    private Path output;

    @Option(names = "--page-size", defaultValue = "1000", paramLabel = "N", description = "Rows per call, 1 to 1000 (default: ${DEFAULT-VALUE})")
    private int pageSize;

    enum Format { table, csv, json }

    @Override
    public Integer call() throws IOException {
        Passerelle user = root.asUser();
        TransactionQuery query = TransactionQuery.create().between(since, until).valueBetween(minValue, maxValue)
                .search(search).pageSize(pageSize);
        query = account != null ? query.ofAccount(account) : connection != null ? query.ofConnection(connection) : query;
        try (OutputStream sink = output == null ? new NonClosing(root.terminal.out()) : Files.newOutputStream(output);
             PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            long written = write(user.me().transactions().pages(query).stream(), out);
            if (output != null) {
                root.terminal.say(written + " transactions written to " + output);
            }
        }
        return 0;
    }

    private long write(Stream<TransactionPage> pages, PrintStream out) {
        Table table = new Table("DATE", "ACCOUNT", "AMOUNT", "WORDING");
        long[] count = {0};
        Terminal.Progress[] progress = {null};
        // Flushed, never closed: closing would close the standard output under the last line.
        JsonGenerator json = format == Format.json ? TerminalText.JSON.createGenerator(out) : null;
        try {
            if (json != null) {
                json.writeStartArray();
            }
            if (format == Format.csv) {
                out.println(Csv.line((Object[]) CSV_COLUMNS));
            }
            pages.forEach(page -> {
                if (progress[0] == null) {
                    progress[0] = root.terminal.progress("transactions", page.total());
                }
                for (Transaction t : page.transactions()) {
                    switch (format) {
                        case table -> table.row(t.date(), t.idAccount(), t.value(), t.wording());
                        case csv -> out.println(Csv.line(t.id(), t.idAccount(), t.date(), t.applicationDate(), t.value(),
                                t.type(), t.wording(), t.originalWording(), t.coming(), t.deleted()));
                        case json -> json.writePOJO(t);
                    }
                }
                count[0] += page.transactions().size();
                progress[0].advance(page.transactions().size());
            });
            if (json != null) {
                json.writeEndArray();
                json.flush();
            }
        } finally {
            if (progress[0] != null) {
                progress[0].close();
            }
        }
        if (format == Format.json) {
            out.println();
        }
        if (format == Format.table) {
            table.print(out);
        }
        return count[0];
    }

    /** The standard output, left open when the export's stream is closed. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(Objects.requireNonNull(out));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
