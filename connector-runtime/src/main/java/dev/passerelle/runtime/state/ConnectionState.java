package dev.passerelle.runtime.state;

import dev.passerelle.connector.FailureReason;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one wire vocabulary of connection and source states (docs/protocol.md §4). A connection whose
 * last step succeeded has no state ({@code null} on the wire), so "OK" is not a member: code that
 * handles "no state" does so explicitly with {@link Optional}.
 */
public enum ConnectionState {
    /** Sync not attempted: the present user must give a strong customer authentication. */
    SCA_REQUIRED("SCARequired", Kind.USER_ACTION),
    /** A full redirect authentication (webauth, docs/protocol.md §5) is needed. */
    WEBAUTH_REQUIRED("webauthRequired", Kind.USER_ACTION),
    /** The institution asks for more input; the connection carries {@code fields}. */
    ADDITIONAL_INFORMATION_NEEDED("additionalInformationNeeded", Kind.USER_ACTION),
    /** The user must approve in another app; resumed with {@code resume=true}. */
    DECOUPLED("decoupled", Kind.USER_ACTION),
    /** A step is running in the background; transient. */
    VALIDATING("validating", Kind.TRANSIENT),
    /** Credentials rejected; the connection carries the credential {@code fields}. */
    WRONGPASS("wrongpass", Kind.USER_ACTION),
    /** The user must change the password at the institution, then post it. */
    PASSWORD_EXPIRED("passwordExpired", Kind.USER_ACTION),
    /** The user must act on the institution's site; a later sync succeeds. */
    ACTION_NEEDED("actionNeeded", Kind.USER_ACTION),
    /** The institution throttles us; retried after {@code next_try}. */
    RATE_LIMITING("rateLimiting", Kind.RETRIED),
    /** The institution is down; retried after {@code next_try}. */
    WEBSITE_UNAVAILABLE("websiteUnavailable", Kind.RETRIED),
    /** A fault of the connector; retried after {@code next_try}. */
    BUG("bug", Kind.RETRIED),
    /** This source cannot serve this user; final for the source. */
    NOT_SUPPORTED("notSupported", Kind.FINAL);

    /** How the server treats a state. */
    public enum Kind {
        /** Blocking until the user does something (docs/protocol.md §4 "Needs user? yes"). */
        USER_ACTION,
        /** Retried automatically by the scheduler. */
        RETRIED,
        /** Passes by itself. */
        TRANSIENT,
        /** Nothing will change it. */
        FINAL
    }

    private final String wire;
    private final Kind kind;

    ConnectionState(String wire, Kind kind) {
        this.wire = wire;
        this.kind = kind;
    }

    /** The protocol string. */
    public String wire() {
        return wire;
    }

    public Kind kind() {
        return kind;
    }

    /** The state a connector failure leads to (docs/protocol.md §4); a refused or expired decoupled validation leaves the source waiting for a new SCA. */
    public static ConnectionState of(FailureReason reason) {
        return switch (reason) {
            case WRONG_PASS -> WRONGPASS;
            case ACTION_NEEDED -> ACTION_NEEDED;
            case PASSWORD_EXPIRED -> PASSWORD_EXPIRED;
            case WEBSITE_UNAVAILABLE -> WEBSITE_UNAVAILABLE;
            case RATE_LIMITED -> RATE_LIMITING;
            case NOT_SUPPORTED -> NOT_SUPPORTED;
            case DECOUPLED_CANCELLED, DECOUPLED_EXPIRED -> SCA_REQUIRED;
            case BUG -> BUG;
        };
    }

    /** The state of a stored wire string; null and unknown strings are "no state". */
    public static Optional<ConnectionState> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    /**
     * Whether a step that ends in this state failed its check: answered as an error envelope whose
     * code is this state's wire string (docs/protocol.md §3.3, observed {@code {"code":"wrongpass"}}) on creation and
     * on updates. The others are answered with the connection itself (202).
     */
    public boolean failsTheCheck() {
        return switch (this) {
            case WRONGPASS, PASSWORD_EXPIRED, ACTION_NEEDED, RATE_LIMITING, WEBSITE_UNAVAILABLE, BUG, NOT_SUPPORTED -> true;
            case SCA_REQUIRED, WEBAUTH_REQUIRED, ADDITIONAL_INFORMATION_NEEDED, DECOUPLED, VALIDATING -> false;
        };
    }

    /** Whether a connection in this state waits on its user (202 on the wire) rather than rests (200). */
    public boolean awaitsTheUser() {
        return kind == Kind.TRANSIENT || switch (this) {
            case SCA_REQUIRED, WEBAUTH_REQUIRED, ADDITIONAL_INFORMATION_NEEDED, DECOUPLED -> true;
            default -> false;
        };
    }
}
