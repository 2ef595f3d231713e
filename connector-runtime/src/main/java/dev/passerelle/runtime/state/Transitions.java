package dev.passerelle.runtime.state;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one transition table of the connection protocol (docs/protocol.md §4, "How the client
 * resumes"): for the state a source is in and what the client (or the scheduler) asked, which
 * connector call runs. The state that follows is the call's outcome, mapped by {@link StepOutcomes}.
 */
public final class Transitions {

    /** What was asked of a connection source. */
    public enum Trigger {
        /** New field values that are not answers to a pending challenge (credentials, scenario). */
        CREDENTIALS,
        /** Answers to the pending challenge, or {@code resume=true} on a decoupled validation. */
        ANSWER,
        /** A sync the end user asked for ({@code PUT}, {@code psu_requested=true}, empty {@code POST}). */
        SYNC_USER_PRESENT,
        /** A sync without the user ({@code psu_requested=false}, background refresh): no SCA may start. */
        SYNC_USER_ABSENT,
        /** A sync without the user on a source whose consent ended ({@code access_expire}, docs/protocol.md §12). */
        SYNC_CONSENT_EXPIRED
    }

    /** The connector call a trigger leads to. */
    public enum Call {
        START, RESUME, SYNC,
        /** Nothing to do: the source stays as it is (and the connector is not bothered). */
        NONE,
        /** No connector call: the source now waits for the user to authenticate again (consent ended). */
        ASK_AUTHENTICATION,
        /** Another step is running: 409 {@code connectionLocked}. */
        LOCKED
    }

    private static final Map<Trigger, Call> WHEN_OK = row(Call.START, Call.NONE, Call.SYNC, Call.SYNC, Call.ASK_AUTHENTICATION);
    private static final Map<ConnectionState, Map<Trigger, Call>> TABLE = new EnumMap<>(ConnectionState.class);

    static {
        // Consent ended: sources already waiting on the user keep what they ask (an answer, new
        // credentials); the user's next authentication renews the consent anyway.
        //                                                   CREDENTIALS  ANSWER       USER_PRESENT USER_ABSENT CONSENT_EXPIRED
        TABLE.put(ConnectionState.ADDITIONAL_INFORMATION_NEEDED, row(Call.START, Call.RESUME, Call.SYNC, Call.NONE, Call.NONE));
        TABLE.put(ConnectionState.DECOUPLED, row(Call.START, Call.RESUME, Call.SYNC, Call.NONE, Call.NONE));
        TABLE.put(ConnectionState.VALIDATING, row(Call.LOCKED, Call.LOCKED, Call.LOCKED, Call.LOCKED, Call.LOCKED));
        // "Force the connection with no parameter" (SCA guide): any user-present call asks for the SCA.
        TABLE.put(ConnectionState.SCA_REQUIRED, row(Call.START, Call.SYNC, Call.SYNC, Call.NONE, Call.NONE));
        // Resumed by the webauth redirect (docs/protocol.md §5); a user-present sync reports whether it is still needed.
        TABLE.put(ConnectionState.WEBAUTH_REQUIRED, row(Call.START, Call.NONE, Call.SYNC, Call.NONE, Call.NONE));
        // Retrying stored wrong credentials unattended could get the user locked out at the bank.
        TABLE.put(ConnectionState.WRONGPASS, row(Call.START, Call.NONE, Call.SYNC, Call.NONE, Call.NONE));
        TABLE.put(ConnectionState.PASSWORD_EXPIRED, row(Call.START, Call.NONE, Call.SYNC, Call.NONE, Call.NONE));
        TABLE.put(ConnectionState.ACTION_NEEDED, retried());
        TABLE.put(ConnectionState.RATE_LIMITING, retried());
        TABLE.put(ConnectionState.WEBSITE_UNAVAILABLE, retried());
        TABLE.put(ConnectionState.BUG, retried());
        // Final for the source: only new field values (another attempt) reach the connector again.
        TABLE.put(ConnectionState.NOT_SUPPORTED, row(Call.START, Call.NONE, Call.NONE, Call.NONE, Call.NONE));
    }

    private Transitions() {
    }

    /** The call for {@code trigger} on a source in {@code state} ({@code null}: last step succeeded). */
    public static Call callFor(ConnectionState state, Trigger trigger) {
        return (state == null ? WHEN_OK : TABLE.get(state)).get(trigger);
    }

    /** States the scheduler retries by itself, until the consent ends. */
    private static Map<Trigger, Call> retried() {
        return row(Call.START, Call.NONE, Call.SYNC, Call.SYNC, Call.ASK_AUTHENTICATION);
    }

    private static Map<Trigger, Call> row(Call credentials, Call answer, Call userPresent, Call userAbsent,
                                          Call consentExpired) {
        Map<Trigger, Call> row = new EnumMap<>(Trigger.class);
        row.put(Trigger.CREDENTIALS, credentials);
        row.put(Trigger.ANSWER, answer);
        row.put(Trigger.SYNC_USER_PRESENT, userPresent);
        row.put(Trigger.SYNC_USER_ABSENT, userAbsent);
        row.put(Trigger.SYNC_CONSENT_EXPIRED, consentExpired);
        return row;
    }
}
