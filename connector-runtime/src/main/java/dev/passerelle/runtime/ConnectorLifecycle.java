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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and stops connectors, the same way for the server and the test kit: a connector written for
 * another SPI version, whose settings are missing or wrong (typed by its descriptor's specs), whose
 * TLS key store cannot be read, or whose {@link Connector#open} throws, is not run, and
 * {@link Started.Refused} says why.
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

    /** Stops a running connector; what it throws is returned, not thrown (the others still stop). */
    public static Optional<RuntimeException> stop(RunningConnector running) {
        try {
            running.connector().close();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    private static Optional<Started> checked(Connector connector, Settings settings) {
        ConnectorDescriptor descriptor = connector.descriptor();
        if (descriptor.spiVersion() != Spi.VERSION) {
            return Optional.of(new Started.Refused(descriptor, "it is written for SPI version "
                    + descriptor.spiVersion() + "; this server runs version " + Spi.VERSION, null));
        }
        List<String> problems = settings.problems();
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new Started.Refused(descriptor, String.join("; ", problems), null));
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
