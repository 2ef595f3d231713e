package dev.passerelle.xs2a.simulator.consent;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code consentStatus} values of the OpenAPI file (schema {@code consentStatus}). */
public enum ConsentStatus {
    RECEIVED("received"),
    REJECTED("rejected"),
    VALID("valid"),
    REVOKED_BY_PSU("revokedByPsu"),
    EXPIRED("expired"),
    TERMINATED_BY_TPP("terminatedByTpp");

    private final String wire;

    ConsentStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
