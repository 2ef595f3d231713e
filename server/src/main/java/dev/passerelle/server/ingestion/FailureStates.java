package dev.passerelle.server.ingestion;

import dev.passerelle.connector.FailureReason;

/**
 * The {@code error} string an account or a subscription carries when fetching its data failed
 * (PROTOCOL-NOTES §4 notes: account-level errors such as {@code websiteUnavailable},
 * {@code actionNeeded}, {@code bug}, which do not affect the other accounts).
 */
final class FailureStates {

    private FailureStates() {
    }

    static String of(FailureReason reason) {
        return switch (reason) {
            case WRONG_PASS -> "wrongpass";
            case ACTION_NEEDED -> "actionNeeded";
            case PASSWORD_EXPIRED -> "passwordExpired";
            case WEBSITE_UNAVAILABLE -> "websiteUnavailable";
            case RATE_LIMITED -> "rateLimiting";
            case NOT_SUPPORTED -> "notSupported";
            // A data call cannot run a decoupled validation: the user must consent again.
            case DECOUPLED_CANCELLED, DECOUPLED_EXPIRED -> "SCARequired";
            case BUG -> "bug";
        };
    }

    /** The state of an unexpected exception thrown by a connector's data method. */
    static String unexpected() {
        return "bug";
    }
}
