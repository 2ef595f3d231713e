package dev.passerelle.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The user's side: data on {@code out}, everything for the person (prompts, spinners, progress,
 * messages) on {@code err}, so that {@code passerelle transactions --format csv > file} stays clean.
 * On a terminal, secrets are read without echo and spinners and progress bars redraw one line;
 * elsewhere (a pipe, a script) prompts read plain lines and animations print nothing.
 */
final class Terminal {

    /** The longest line {@link #say} prints. */
    static final int MAX_LINE = 2000;

    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final Console console;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;

    Terminal(Console console, InputStream in, PrintStream out, PrintStream err) {
        this.console = console;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.err = err;
    }

    /** The process's own terminal, if it has one. */
    static Terminal system() {
        return new Terminal(System.console(), System.in, System.out, System.err);
    }

    boolean interactive() {
        return console != null;
    }

    PrintStream out() {
        return out;
    }

    /**
     * A line for the person; text from the server in it is shown safely ({@link TerminalText}) and
     * cut at {@value #MAX_LINE} characters: a server's error may be megabytes long, which no one reads
     * on a terminal.
     */
    void say(String text) {
        String shown = TerminalText.of(text);
        err.println(shown.length() > MAX_LINE ? shown.substring(0, MAX_LINE) + "…" : shown);
    }

    /** A line typed after {@code prompt}; null at the end of input. */
    String ask(String prompt) {
        if (console != null) {
            return console.readLine("%s", TerminalText.of(prompt));
        }
        err.print(TerminalText.of(prompt));
        err.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A secret typed after {@code prompt}, not echoed on a terminal; null at the end of input. */
    String askSecret(String prompt) {
        if (console != null) {
            char[] typed = console.readPassword("%s", TerminalText.of(prompt));
            return typed == null ? null : new String(typed);
        }
        return ask(prompt);
    }

    /**
     * Shows {@code message} with a spinner and the time elapsed until the returned handle is closed;
     * {@code message} is read again at each frame, so it may change.
     */
    Spinner spin(Supplier<String> message) {
        return new Spinner(message);
    }

    /** A progress bar over {@code total} items; only drawn on a terminal. */
    Progress progress(String unit, long total) {
        return new Progress(unit, total);
    }

    /** A spinner line redrawn ten times a second on a terminal; elsewhere the message once. */
    final class Spinner implements AutoCloseable {
        private final long started = System.nanoTime();
        private final ScheduledExecutorService ticker;
        private int frame;

        private Spinner(Supplier<String> message) {
            if (!interactive()) {
                err.println(TerminalText.of(message.get()));
                ticker = null;
                return;
            }
            ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
            ticker.scheduleAtFixedRate(() -> {
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                err.print("\r\033[K" + FRAMES[frame++ % FRAMES.length] + " " + TerminalText.of(message.get()) + " " + seconds + "s");
                err.flush();
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            if (ticker != null) {
                ticker.shutdownNow();
                try {
                    ticker.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                err.print("\r\033[K");
                err.flush();
            }
        }
    }

    /** {@code [██████······] 540/2534 transactions}, redrawn in place. */
    final class Progress implements AutoCloseable {
        private static final int WIDTH = 30;
        private final String unit;
        private final long total;
        private long done;

        private Progress(String unit, long total) {
            this.unit = unit;
            this.total = total;
        }

        void advance(long count) {
            done += count;
            if (interactive() && total > 0) {
                int filled = (int) Math.min(WIDTH, done * WIDTH / total);
                err.print("\r[" + "█".repeat(filled) + "·".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit);
                err.flush();
            }
        }

        @Override
        public void close() {
            if (interactive() && total > 0) {
                err.println();
            }
        }
    }
}
