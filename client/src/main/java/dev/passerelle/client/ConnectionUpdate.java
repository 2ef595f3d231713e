package dev.passerelle.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code POST /users/{u}/connections/{id}} carries (docs/connections.md): field values (an
 * answer, new credentials; encrypted like any field value), and the protocol's switches. Empty, it
 * forces a sync with the user present.
 *
 * @param fields      connector field values
 * @param source      the source to target or add ({@code ?source=})
 * @param resume      resume a decoupled validation ({@code resume=true}): the server waits for it a while
 * @param refreshAuth authenticate again with the stored credentials, renewing the consent
 * @param active      switch background syncs on or off
 * @param background  answer at once ({@code validating}) and run the step in the background
 */
public record ConnectionUpdate(Map<String, String> fields, String source, boolean resume, boolean refreshAuth,
                               Boolean active, boolean background) {

    public static ConnectionUpdate fields(Map<String, String> values) {
        return new ConnectionUpdate(Map.copyOf(values), null, false, false, null, false);
    }

    public static ConnectionUpdate resumeDecoupled() {
        return new ConnectionUpdate(Map.of(), null, true, false, null, false);
    }

    public static ConnectionUpdate refreshAuthentication() {
        return new ConnectionUpdate(Map.of(), null, false, true, null, false);
    }

    public static ConnectionUpdate active(boolean on) {
        return new ConnectionUpdate(Map.of(), null, false, false, on, false);
    }

    public ConnectionUpdate inBackground() {
        return new ConnectionUpdate(fields, source, resume, refreshAuth, active, true);
    }

    public ConnectionUpdate onSource(String name) {
        return new ConnectionUpdate(fields, name, resume, refreshAuth, active, background);
    }

    /** The field names and switches: never a field value, which may be a password or a one-time code. */
    @Override
    public String toString() {
        return "ConnectionUpdate[fields " + fields.keySet() + ", source " + source + ", " + switches() + "]";
    }

    /** The switches as body members; field values are added by the caller, encrypted. */
    Map<String, Object> switches() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (resume) {
            body.put("resume", true);
        }
        if (refreshAuth) {
            body.put("refresh_auth", true);
        }
        if (active != null) {
            body.put("active", active);
        }
        if (background) {
            body.put("background", true);
        }
        return body;
    }
}
