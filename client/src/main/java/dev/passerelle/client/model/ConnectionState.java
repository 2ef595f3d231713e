package dev.passerelle.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A connection's (or source's) state when it is not null (docs/connections.md): what, if anything,
 * waits on the user, the bank or the server. {@link #UNKNOWN} stands for a state this SDK does not
 * know yet; the raw value stays in {@link Connection#error()}.
 */
public enum ConnectionState {
    @JsonProperty("SCARequired") SCA_REQUIRED(true),
    @JsonProperty("webauthRequired") WEBAUTH_REQUIRED(true),
    @JsonProperty("additionalInformationNeeded") ADDITIONAL_INFORMATION_NEEDED(true),
    @JsonProperty("decoupled") DECOUPLED(true),
    @JsonProperty("validating") VALIDATING(false),
    @JsonProperty("actionNeeded") ACTION_NEEDED(false),
    @JsonProperty("passwordExpired") PASSWORD_EXPIRED(true),
    @JsonProperty("wrongpass") WRONGPASS(true),
    @JsonProperty("rateLimiting") RATE_LIMITING(false),
    @JsonProperty("websiteUnavailable") WEBSITE_UNAVAILABLE(false),
    @JsonProperty("bug") BUG(false),
    @JsonProperty("notSupported") NOT_SUPPORTED(false),
    @JsonEnumDefaultValue UNKNOWN(false);

    private final boolean userAction;

    ConnectionState(boolean userAction) {
        this.userAction = userAction;
    }

    /** Whether only the user can clear it (an answer, a validation, a redirect, new credentials). */
    public boolean needsUser() {
        return userAction;
    }
}
