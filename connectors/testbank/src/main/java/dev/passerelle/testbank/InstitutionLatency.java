package dev.passerelle.testbank;

import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How long the simulated institution takes to answer each step and each data call, from the
 * connector settings {@value #LATENCY} and {@value #JITTER} (milliseconds), so that benchmarks and
 * demos can run against a slow bank: every answer waits {@code latency} give or take up to
 * {@code jitter}, uniformly. Both are read at every call, so a changed setting applies at once.
 */
record InstitutionLatency(long latencyMillis, long jitterMillis) {

    static final String LATENCY = "latency-millis";
    static final String JITTER = "latency-jitter-millis";

    /** None: the default, the test bank answers at once. */
    static final InstitutionLatency NONE = new InstitutionLatency(0, 0);

    /** The settings' declarations, with their defaults. */
    static final List<SettingSpec> SETTINGS = List.of(
            SettingSpec.of(LATENCY, SettingSpec.Type.INTEGER,
                    "milliseconds the bank takes to answer each step and data call (0 or more)").withDefault("0"),
            SettingSpec.of(JITTER, SettingSpec.Type.INTEGER,
                    "each answer's latency varies uniformly by up to this many milliseconds either way (0 or more)")
                    .withDefault("0"));

    InstitutionLatency {
        if (latencyMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("settings '" + LATENCY + "' and '" + JITTER + "' must be 0 or more (got "
                    + latencyMillis + " and " + jitterMillis + ")");
        }
    }

    /**
     * The connector's rule on these settings ({@link TestBankConnector#settingProblems}): each of
     * {@value #LATENCY} and {@value #JITTER} that is negative.
     */
    static Map<String, String> problems(Settings settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String name : List.of(LATENCY, JITTER)) {
            if (settings.integer(name) < 0) {
                problems.put(name, "must be 0 or more");
            }
        }
        return problems;
    }

    static InstitutionLatency from(Settings settings) {
        return new InstitutionLatency(settings.integer(LATENCY), settings.integer(JITTER));
    }

    /** How long the next answer takes: the latency moved by a uniform draw within the jitter, never below zero. */
    Duration next(RandomGenerator random) {
        long drawn = jitterMillis == 0 ? latencyMillis : latencyMillis + random.nextLong(-jitterMillis, jitterMillis + 1);
        return Duration.ofMillis(Math.max(0, drawn));
    }

    /** How the connector waits out a latency; the default sleeps, which on a virtual thread holds no platform thread. */
    @FunctionalInterface
    interface Pause {

        Pause SLEEP = delay -> {
            if (delay.isZero()) {
                return;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                // Stopping: answer now and let the caller see the interrupt.
                Thread.currentThread().interrupt();
            }
        };

        void await(Duration delay);
    }
}
