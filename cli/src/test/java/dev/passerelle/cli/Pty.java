package dev.passerelle.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command in a pseudo-terminal, driven as a person at a keyboard would, expect-style: wait for a
 * prompt, type an answer. The terminal is util-linux's {@code script} (in every Debian install), so
 * the program sees a real tty: {@code System.console()} is there, passwords are read without echo.
 */
final class Pty implements AutoCloseable {

    private final Process process;
    private final OutputStream keyboard;
    private final StringBuilder screen = new StringBuilder();
    private int mark;

    Pty(List<String> command, Map<String, String> env) {
        String line = command.stream().map(Pty::quoted).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", line, "/dev/null").redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("TERM", "xterm");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyboard = process.getOutputStream();
        Thread.ofVirtual().start(() -> read(process.getInputStream()));
    }

    private void read(InputStream output) {
        byte[] buffer = new byte[4096];
        try {
            for (int n = output.read(buffer); n >= 0; n = output.read(buffer)) {
                synchronized (screen) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    screen.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    /** Waits until the output since the last expectation contains {@code text}; what followed it comes next. */
    Pty expect(String text) {
        return expect(Pattern.compile(Pattern.quote(text)));
    }

    Pty expect(Pattern pattern) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        synchronized (screen) {
            while (true) {
                var matcher = pattern.matcher(screen);
                if (matcher.find(mark)) {
                    mark = matcher.end();
                    return this;
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    fail("No " + pattern + " within 60 s on the terminal; it shows:\n" + screen.substring(mark));
                }
                try {
                    screen.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    /** Types {@code text} and Enter. */
    Pty type(String text) {
        try {
            keyboard.write((text + "\r").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Everything shown since the start. */
    String screen() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    /** Waits for the command's end; its exit status. */
    int exit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            fail("Still running after 60 s; the terminal shows:\n" + screen());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
