package dev.passerelle.runtime;

import dev.passerelle.connector.ConnectorLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The {@link ConnectorLog} of one call: keeps the lines for the support timeline, each with every
 * secret of the connection (credential values, secret settings) masked, whatever the connector wrote.
 */
final class CollectingLog implements ConnectorLog {

    static final String MASK = "****";
    /** One line of a connector stays readable in a timeline. */
    static final int MAX_LENGTH = 400;

    private final List<String> secrets;
    private final Clock clock;
    private final List<LogLine> lines = new ArrayList<>();

    CollectingLog(Set<String> secrets, Clock clock) {
        // The longest first: a secret that contains another is masked whole.
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.clock = clock;
    }

    @Override
    public void info(String message) {
        add(LogLine.Level.INFO, message);
    }

    @Override
    public void warn(String message) {
        add(LogLine.Level.WARN, message);
    }

    synchronized void add(LogLine.Level level, String message) {
        lines.add(new LogLine(level, masked(String.valueOf(message)), clock.instant()));
    }

    synchronized List<LogLine> lines() {
        return List.copyOf(lines);
    }

    String masked(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH - 1) + "…" : masked;
    }
}
