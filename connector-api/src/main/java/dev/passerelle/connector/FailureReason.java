package dev.passerelle.connector;

/**
 * Why a step failed, in the connector's words. The server decides what each reason means for the
 * connection (final, retried with backoff, waiting for the user); see {@code docs/protocol.md}.
 */
public enum FailureReason {
    /** The institution rejected the credentials. */
    WRONG_PASS,
    /** The user must do something on the institution's site or app (new terms, a message to read). */
    ACTION_NEEDED,
    /** The user must change the password on the institution's site. */
    PASSWORD_EXPIRED,
    /** The institution is down or answered garbage; transient. */
    WEBSITE_UNAVAILABLE,
    /** The institution throttles us; transient, see {@link StepResult.Failure#retryAfter()}. */
    RATE_LIMITED,
    /** This source cannot serve this user (account type, product); final. */
    NOT_SUPPORTED,
    /** The user refused the decoupled validation in the bank app. */
    DECOUPLED_CANCELLED,
    /** The decoupled validation was not given in time. */
    DECOUPLED_EXPIRED,
    /** A fault in the connector itself; transient until fixed. */
    BUG
}
