package dev.passerelle.runtime;

import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorEnvironment;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.Spi;
import dev.passerelle.runtime.http.InstitutionClients;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Starts and stops connectors, the same way for the server and the test kit: a connector written for
 * another SPI version, whose settings are missing or wrong (typed by its descriptor's specs, then by
 * its own {@link Connector#settingProblems}), whose TLS key store cannot be read, or whose
 * {@link Connector#open} throws, is not run, and {@link Started.Refused} says why.
 * {@link #settingProblems} runs the same checks of the settings without starting anything.
 */
public final class ConnectorLifecycle {

    private ConnectorLifecycle() {
    }

    /** What became of a start. */
    public sealed interface Started {

        /** The connector runs. */
        record Running(RunningConnector connector) implements Started {
        }

        /** The connector is not run, for {@code reason} (fit for the operator's log; no secret in it). */
        record Refused(ConnectorDescriptor connector, String reason, RuntimeException cause) implements Started {
        }
    }

    /**
     * Starts {@code connector} with the configured setting {@code values}, reaching its institution
     * with the client its settings call for ({@link InstitutionClients}).
     */
    public static Started start(Connector connector, Map<String, String> values, Clock clock, ConnectorLog log) {
        ConnectorDescriptor descriptor = connector.descriptor();
        Settings settings = Settings.of(values, descriptor.settings());
        return checked(connector, settings).orElseGet(() -> {
            InstitutionHttp http;
            try {
                http = InstitutionClients.of(descriptor, settings);
            } catch (IllegalArgumentException e) {
                return new Started.Refused(descriptor, e.getMessage(), e);
            }
            return opened(connector, settings, http, clock, log);
        });
    }

    /** As {@link #start(Connector, Map, Clock, ConnectorLog)}, reaching the institution with {@code http} (the test kit's). */
    public static Started start(Connector connector, Map<String, String> values, Clock clock, ConnectorLog log,
                                InstitutionHttp http) {
        Settings settings = Settings.of(values, connector.descriptor().settings());
        return checked(connector, settings).orElseGet(() -> opened(connector, settings, http, clock, log));
    }

    /**
     * What {@link #start} would refuse in the setting {@code values}, setting by setting, without
     * starting anything: required settings missing and values that do not read as their type (the
     * descriptor's specs), values the connector's own {@link Connector#settingProblems} refuses, and TLS
     * stores that cannot be used. Each message names its setting and shows its value unless secret.
     * What the connector's check throws is thrown.
     */
    public static Map<String, String> settingProblems(Connector connector, Map<String, String> values) {
        return settingProblems(connector, Settings.of(values, connector.descriptor().settings()), true);
    }

    /** The checks of {@link #settingProblems(Connector, Map)}; the TLS stores' only when the runtime makes the client ({@code tls}). */
    private static Map<String, String> settingProblems(Connector connector, Settings settings, boolean tls) {
        Map<String, String> problems = new TreeMap<>(settings.problemsByName());
        Settings readable = settings.without(problems.keySet());
        connector.settingProblems(readable).forEach((name, why) -> problems.putIfAbsent(name, settings.problem(name, why)));
        if (tls) {
            InstitutionClients.problems(readable).forEach(problems::putIfAbsent);
        }
        return problems;
    }

    /** Stops a running connector; what it throws is returned, not thrown (the others still stop). */
    public static Optional<RuntimeException> stop(RunningConnector running) {
        try {
            running.connector().close();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** Refused for the SPI version or the settings (the TLS stores are checked as the client is made, or not used). */
    private static Optional<Started> checked(Connector connector, Settings settings) {
        ConnectorDescriptor descriptor = connector.descriptor();
        if (descriptor.spiVersion() != Spi.VERSION) {
            return Optional.of(new Started.Refused(descriptor, "it is written for SPI version "
                    + descriptor.spiVersion() + "; this server runs version " + Spi.VERSION, null));
        }
        Map<String, String> problems;
        try {
            problems = settingProblems(connector, settings, false);
        } catch (RuntimeException e) {
            return Optional.of(new Started.Refused(descriptor, "it failed to check its settings: " + e, e));
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new Started.Refused(descriptor, String.join("; ", problems.values()), null));
    }

    private static Started opened(Connector connector, Settings settings, InstitutionHttp http, Clock clock,
                                  ConnectorLog log) {
        try {
            connector.open(new ConnectorEnvironment(settings, clock, http, log));
            return new Started.Running(new RunningConnector(connector, settings, http));
        } catch (RuntimeException e) {
            return new Started.Refused(connector.descriptor(), "it failed to open: " + e, e);
        }
    }
}
