package dev.passerelle.xs2a.simulator.http;

/**
 * The Berlin Group's {@code tppMessages} codes the simulator answers with, each with the HTTP status
 * the implementation guidelines give it (chapter "HTTP Return Codes" and "Additional Error
 * Information"). A code used with two statuses (e.g. CONSENT_UNKNOWN: 403 when the consent is in the
 * path, 400 when it is in a header) takes the status explicitly where it is raised.
 */
public enum TppMessageCode {
    FORMAT_ERROR(400),
    PARAMETER_NOT_CONSISTENT(400),
    PARAMETER_NOT_SUPPORTED(400),
    PERIOD_INVALID(400),
    SCA_METHOD_UNKNOWN(400),
    SESSIONS_NOT_SUPPORTED(400),
    CONSENT_UNKNOWN(400),
    CERTIFICATE_INVALID(401),
    CERTIFICATE_EXPIRED(401),
    CERTIFICATE_MISSING(401),
    ROLE_INVALID(401),
    SIGNATURE_INVALID(401),
    SIGNATURE_MISSING(401),
    PSU_CREDENTIALS_INVALID(401),
    CONSENT_INVALID(401),
    CONSENT_EXPIRED(401),
    TOKEN_UNKNOWN(401),
    TOKEN_INVALID(401),
    TOKEN_EXPIRED(401),
    SERVICE_INVALID(400),
    RESOURCE_UNKNOWN(404),
    STATUS_INVALID(409),
    ACCESS_EXCEEDED(429),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    TppMessageCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
