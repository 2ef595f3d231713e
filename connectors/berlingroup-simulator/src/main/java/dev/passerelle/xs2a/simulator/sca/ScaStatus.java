package dev.passerelle.xs2a.simulator.sca;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code scaStatus} values of the OpenAPI file (schema {@code scaStatus}). */
public enum ScaStatus {
    RECEIVED("received"),
    PSU_IDENTIFIED("psuIdentified"),
    PSU_AUTHENTICATED("psuAuthenticated"),
    SCA_METHOD_SELECTED("scaMethodSelected"),
    STARTED("started"),
    FINALISED("finalised"),
    FAILED("failed");

    private final String wire;

    ScaStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean terminal() {
        return this == FINALISED || this == FAILED;
    }
}
