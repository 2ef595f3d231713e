package dev.passerelle.xs2a.simulator.sca;

/**
 * The SCA approaches of the implementation guidelines. OAUTH is announced on the wire as
 * {@code ASPSP-SCA-Approach: REDIRECT} (the standard subsumes OAuth under redirect) with a
 * {@code scaOAuth} link instead of {@code scaRedirect}.
 */
public enum ScaApproach {
    REDIRECT,
    OAUTH,
    EMBEDDED,
    DECOUPLED;

    /** The value of the {@code ASPSP-SCA-Approach} response header. */
    public String header() {
        return this == OAUTH ? "REDIRECT" : name();
    }
}
