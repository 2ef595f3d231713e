package dev.passerelle.client.model;

import java.time.LocalDateTime;
import java.util.List;

/** One way a connector reaches its institution ({@code directaccess}, {@code openapi}, …), highest priority first. */
public record ConnectorSource(int id, int idConnector, String name, int priority, String authMechanism,
                              List<String> availableAuthMechanisms, List<String> capabilities,
                              List<String> accountUsages, LocalDateTime disabled) {

    /** Whether it can be added through the institution's own pages ({@code /webauth}). */
    public boolean webauth() {
        return "webauth".equals(authMechanism)
                || availableAuthMechanisms != null && availableAuthMechanisms.contains("webauth");
    }

    /** Whether it can be added with credentials posted to the API. */
    public boolean credentials() {
        return "credentials".equals(authMechanism)
                || availableAuthMechanisms != null && availableAuthMechanisms.contains("credentials");
    }
}
