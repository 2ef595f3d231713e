package dev.passerelle.connector;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a connector may know about one call on one connection source.
 *
 * @param connectionId   the server's connection id (stable; useful in logs and redirect state)
 * @param source         the connector source being driven ({@code directaccess}, {@code openapi}, …)
 * @param credentials    every stored field value of the connection, decrypted, plus this call's input
 * @param postedFields   the names of the fields the user posted in this very call (a new password,
 *                       a changed scenario); lets a connector tell a retry from a correction
 * @param session        the opaque session the previous step returned, or {@code null} on first contact
 * @param userPresent    whether the end user asked for this call ({@code psu_requested}); a strong
 *                       customer authentication may only be started when true
 * @param clock          the server's clock: read time only from here, so that tests can move it
 * @param settings       connector settings from the server configuration
 *                       ({@code passerelle.connectors.settings.<uuid>.*}), e.g. scenario timings
 * @param callbackUrl    where a {@link StepResult.Redirect} must send the user back, if the call can redirect
 */
public record ConnectionContext(
        long connectionId,
        String source,
        Map<String, String> credentials,
        Set<String> postedFields,
        String session,
        boolean userPresent,
        Clock clock,
        Map<String, String> settings,
        URI callbackUrl) {

    public ConnectionContext {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clock, "clock");
        credentials = Map.copyOf(credentials);
        postedFields = Set.copyOf(postedFields);
        settings = Map.copyOf(settings);
    }

    /** The value of one credential field, if the user gave it. */
    public Optional<String> credential(String name) {
        return Optional.ofNullable(credentials.get(name)).filter(v -> !v.isEmpty());
    }

    /** A connector setting, or the default when not configured. */
    public String setting(String name, String defaultValue) {
        return settings.getOrDefault(name, defaultValue);
    }

    /** A copy of this context carrying another session, as after a step. */
    public ConnectionContext withSession(String newSession) {
        return new ConnectionContext(connectionId, source, credentials, postedFields, newSession,
                userPresent, clock, settings, callbackUrl);
    }
}
