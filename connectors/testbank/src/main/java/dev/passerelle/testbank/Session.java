package dev.passerelle.testbank;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the test bank remembers between two calls of one connection source, carried in the opaque
 * session string ({@code key=value;key=value}) since connectors keep nothing in memory.
 *
 * @param scenario    the scenario value the session was made for; a session made for another
 *                    scenario counts as no session, so changing the scenario starts afresh
 * @param stage       where the dialogue stands
 * @param round       for {@link Stage#OTP}: which code of the scenario is awaited (0 for the first)
 * @param expiresAt   for {@link Stage#OTP}: when the code sent stops being valid
 * @param validatedAt for {@link Stage#DECOUPLED}: when the user "validates" in the bank app
 */
record Session(String scenario, Stage stage, int round, Instant expiresAt, Instant validatedAt) {

    /** Where the dialogue with the bank stands. */
    enum Stage {
        /** Authenticated: syncs may fetch data. */
        READY,
        /** A failure was reported to the user once; what happens next depends on the scenario. */
        REPORTED,
        /** A one-time code was sent and is awaited. */
        OTP,
        /** A validation in the bank app is awaited. */
        DECOUPLED
    }

    static Session of(String scenario, Stage stage) {
        return new Session(scenario, stage, 0, null, null);
    }

    String encode() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("scenario", scenario);
        values.put("stage", stage.name());
        if (stage == Stage.OTP) {
            values.put("round", Integer.toString(round));
            values.put("expiresAt", expiresAt.toString());
        }
        if (stage == Stage.DECOUPLED) {
            values.put("validatedAt", validatedAt.toString());
        }
        StringBuilder out = new StringBuilder();
        values.forEach((key, value) -> out.append(out.isEmpty() ? "" : ";").append(key).append('=').append(value));
        return out.toString();
    }

    /**
     * Reads a session back. An absent or unreadable session (from another connector version, say)
     * reads as none: the connection then behaves as on first contact.
     */
    static Optional<Session> decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            Stage stage = Stage.valueOf(values.getOrDefault("stage", ""));
            String scenario = values.get("scenario");
            if (scenario == null
                    || stage == Stage.OTP && !values.containsKey("expiresAt")
                    || stage == Stage.DECOUPLED && !values.containsKey("validatedAt")) {
                return Optional.empty();
            }
            return Optional.of(new Session(scenario, stage,
                    Integer.parseInt(values.getOrDefault("round", "0")),
                    instant(values.get("expiresAt")), instant(values.get("validatedAt"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
