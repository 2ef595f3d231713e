package dev.passerelle.berlingroup.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * The four ways an ASPSP authenticates its customer strongly (implementation guidelines, "SCA
 * approaches"), with the wire value of the {@code ASPSP-SCA-Approach} header.
 */
public enum ScaApproach {
    /** The PSU authenticates on the bank's pages and comes back to {@code TPP-Redirect-URI}. */
    REDIRECT,
    /** The same on the bank's OAuth2 authorization server (authorization code with PKCE). */
    OAUTH,
    /** The TPP carries the PSU's password and one-time code to the bank's API. */
    EMBEDDED,
    /** The PSU approves in the bank's app; the TPP polls the authorisation's status. */
    DECOUPLED;

    /** Whether the user leaves for the bank's pages or app rather than typing credentials here. */
    public boolean webauth() {
        return this != EMBEDDED;
    }

    /** Whether the user's browser goes to the bank. */
    public boolean redirects() {
        return this == REDIRECT || this == OAUTH;
    }

    /** The approach of a configuration or header value, whatever its case; empty when unknown. */
    public static Optional<ScaApproach> of(String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (ScaApproach approach : values()) {
            if (approach.name().equals(wanted)) {
                return Optional.of(approach);
            }
        }
        return Optional.empty();
    }
}
