package dev.passerelle.berlingroup.transport;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.StepResult;
import java.util.Map;

/**
 * The one table of what a bank's error means for the connection: the Berlin Group message codes
 * (implementation guidelines, "Error codes" of the AIS services) first, the HTTP status when the
 * bank sent no code it knows. Whoever meets a {@link BankError} asks {@link #meaning} here and turns
 * it into a step outcome ({@link #outcome}, {@link #creationOutcome} for the consent's creation) or a
 * data call's interruption ({@link #interruption}).
 */
public final class ErrorTable {

    /** What an error means. */
    public enum Meaning {
        /** The consent ended or was never valid: the user must authenticate again. */
        CONSENT_ENDED,
        /** The OAuth access token expired: refresh it and try again. */
        TOKEN_EXPIRED,
        /** The user's id, password or one-time code was refused. */
        WRONG_CREDENTIALS,
        /** The strong authentication in progress broke (step out of order, expired): start it again. */
        AUTHENTICATE_AGAIN,
        /** The bank allows no more accesses for now ({@code Retry-After}). */
        RATE_LIMITED,
        /** The bank is down or overloaded, or did not answer. */
        UNAVAILABLE,
        /** The user must act at the bank (a blocked account or service). */
        ACTION_NEEDED,
        /** The bank does not offer this to this user (product, card). */
        NOT_SUPPORTED,
        /**
         * The bank rejected the request itself, or answered against the standard: a configuration or
         * connector problem for the operator.
         */
        REJECTED_REQUEST
    }

    /** What the user reads when the consent ended, whoever finds out. */
    public static final String CONSENT_ENDED_MESSAGE = "Your consent at the bank has ended: please authenticate again";
    static final String RATE_LIMITED_MESSAGE = "The bank allows no more accesses to this account for now";
    static final String UNAVAILABLE_MESSAGE = "The bank's service is unavailable for now";
    static final String REJECTED_MESSAGE = "The bank refused the request; the service operator has been told";
    static final String UNUSABLE_MESSAGE = "The bank's answer could not be read; the service operator has been told";
    static final String NOT_RECOGNISED_MESSAGE = "The bank did not recognise you: please authenticate at your bank again";

    private static final Map<String, Meaning> CODES = Map.ofEntries(
            Map.entry("CONSENT_EXPIRED", Meaning.CONSENT_ENDED),
            Map.entry("CONSENT_INVALID", Meaning.CONSENT_ENDED),
            Map.entry("CONSENT_UNKNOWN", Meaning.CONSENT_ENDED),
            Map.entry("TOKEN_UNKNOWN", Meaning.CONSENT_ENDED),
            Map.entry("TOKEN_INVALID", Meaning.CONSENT_ENDED),
            Map.entry("TOKEN_EXPIRED", Meaning.TOKEN_EXPIRED),
            // RFC 6749 §5.2: the code or refresh token is expired, used or revoked.
            Map.entry("invalid_grant", Meaning.CONSENT_ENDED),
            Map.entry("PSU_CREDENTIALS_INVALID", Meaning.WRONG_CREDENTIALS),
            Map.entry("CORPORATE_ID_INVALID", Meaning.WRONG_CREDENTIALS),
            Map.entry("SCA_INVALID", Meaning.AUTHENTICATE_AGAIN),
            Map.entry("STATUS_INVALID", Meaning.AUTHENTICATE_AGAIN),
            Map.entry("RESOURCE_EXPIRED", Meaning.AUTHENTICATE_AGAIN),
            Map.entry("ACCESS_EXCEEDED", Meaning.RATE_LIMITED),
            Map.entry("SERVICE_UNAVAILABLE", Meaning.UNAVAILABLE),
            Map.entry("RESOURCE_BLOCKED", Meaning.ACTION_NEEDED),
            Map.entry("SERVICE_BLOCKED", Meaning.ACTION_NEEDED),
            Map.entry("PRODUCT_INVALID", Meaning.NOT_SUPPORTED),
            Map.entry("PRODUCT_UNKNOWN", Meaning.NOT_SUPPORTED),
            Map.entry("CARD_INVALID", Meaning.NOT_SUPPORTED),
            Map.entry("FORMAT_ERROR", Meaning.REJECTED_REQUEST),
            Map.entry("PARAMETER_NOT_CONSISTENT", Meaning.REJECTED_REQUEST),
            Map.entry("PARAMETER_NOT_SUPPORTED", Meaning.REJECTED_REQUEST),
            Map.entry("SERVICE_INVALID", Meaning.REJECTED_REQUEST),
            Map.entry("RESOURCE_UNKNOWN", Meaning.REJECTED_REQUEST),
            Map.entry("PERIOD_INVALID", Meaning.REJECTED_REQUEST),
            Map.entry("TIMESTAMP_INVALID", Meaning.REJECTED_REQUEST),
            Map.entry("SCA_METHOD_UNKNOWN", Meaning.REJECTED_REQUEST),
            Map.entry("SESSIONS_NOT_SUPPORTED", Meaning.REJECTED_REQUEST),
            Map.entry("REQUESTED_FORMATS_INVALID", Meaning.REJECTED_REQUEST),
            Map.entry("CERTIFICATE_INVALID", Meaning.REJECTED_REQUEST),
            Map.entry("CERTIFICATE_EXPIRED", Meaning.REJECTED_REQUEST),
            Map.entry("CERTIFICATE_BLOCKED", Meaning.REJECTED_REQUEST),
            Map.entry("CERTIFICATE_REVOKED", Meaning.REJECTED_REQUEST),
            Map.entry("CERTIFICATE_MISSING", Meaning.REJECTED_REQUEST),
            Map.entry("SIGNATURE_INVALID", Meaning.REJECTED_REQUEST),
            Map.entry("SIGNATURE_MISSING", Meaning.REJECTED_REQUEST),
            Map.entry("ROLE_INVALID", Meaning.REJECTED_REQUEST));

    private ErrorTable() {
    }

    /** What the error means: its first known message code, else its HTTP status. */
    public static Meaning meaning(BankError error) {
        if (error.isUnusable()) {
            return Meaning.REJECTED_REQUEST;
        }
        for (TppMessage message : error.messages()) {
            Meaning meaning = message.code() == null ? null : CODES.get(message.code());
            if (meaning != null) {
                return meaning;
            }
        }
        int status = error.status();
        if (status == 0 || status >= 500) {
            return Meaning.UNAVAILABLE;
        }
        return status == 429 ? Meaning.RATE_LIMITED : Meaning.REJECTED_REQUEST;
    }

    /**
     * The step outcome of an error, after a line on the connection's timeline: a warning naming the
     * call, status and codes when the operator must act, a plain line otherwise.
     */
    public static StepResult outcome(BankError error, ConnectionContext ctx) {
        return outcome(meaning(error), error, ctx);
    }

    /**
     * The step outcome of an error while a new consent is created ({@code POST /v1/consents}) and its
     * authorisation starts. No earlier consent or token of the connection's takes part, so a code about them (a {@code CONSENT_INVALID}: "the
     * consent definition is not complete or invalid") is the bank rejecting the request itself, for
     * the operator: read as an ended consent, it would send the user to authenticate again, into the
     * same refusal, for good.
     */
    public static StepResult creationOutcome(BankError error, ConnectionContext ctx) {
        Meaning meaning = meaning(error);
        return outcome(meaning == Meaning.CONSENT_ENDED || meaning == Meaning.TOKEN_EXPIRED ? Meaning.REJECTED_REQUEST
                : meaning, error, ctx);
    }

    private static StepResult outcome(Meaning meaning, BankError error, ConnectionContext ctx) {
        ConnectorLog log = ctx.log();
        if (error.isUnusable()) {
            log.warn("The bank's answer breaks the Berlin Group standard (check the bank's base-url, or tell the bank): "
                    + error.describe());
        } else if (meaning == Meaning.REJECTED_REQUEST) {
            log.warn("The bank rejected the connector's request (check the bank's configuration and the TPP's "
                    + "certificates): " + error.describe());
        } else {
            log.info("The bank answered " + error.describe());
        }
        String bankText = error.text().orElse(null);
        return switch (meaning) {
            case CONSENT_ENDED, TOKEN_EXPIRED -> new StepResult.ConsentExpired(CONSENT_ENDED_MESSAGE);
            case WRONG_CREDENTIALS -> wrongCredentials(bankText, ctx);
            case AUTHENTICATE_AGAIN -> new StepResult.ScaRequired(bankText == null
                    ? "The authentication at the bank did not complete: please authenticate again" : bankText);
            case RATE_LIMITED -> StepResult.Failure.rateLimited(RATE_LIMITED_MESSAGE, error.retryAfter().orElse(null));
            case UNAVAILABLE -> new StepResult.Failure(FailureReason.WEBSITE_UNAVAILABLE, UNAVAILABLE_MESSAGE,
                    error.retryAfter().orElse(null));
            case ACTION_NEEDED -> StepResult.Failure.of(FailureReason.ACTION_NEEDED, bankText == null
                    ? "The bank asks you to act in its app or website" : bankText);
            case NOT_SUPPORTED -> StepResult.Failure.of(FailureReason.NOT_SUPPORTED, bankText == null
                    ? "The bank does not offer this access for your accounts" : bankText);
            case REJECTED_REQUEST -> StepResult.Failure.of(FailureReason.BUG, error.isUnusable() ? UNUSABLE_MESSAGE
                    : REJECTED_MESSAGE);
        };
    }

    /**
     * Credentials refused: {@code wrongpass}, whose fix is to retype them, on the source that has
     * some; on the source reached through the bank's own pages, where Passerelle holds none to
     * retype, the user authenticates at the bank again ({@code webauthRequired}).
     */
    private static StepResult wrongCredentials(String bankText, ConnectionContext ctx) {
        if (ctx.mechanism() == AuthMechanism.WEBAUTH) {
            return new StepResult.WebauthRequired(NOT_RECOGNISED_MESSAGE);
        }
        return StepResult.Failure.of(FailureReason.WRONG_PASS, bankText == null ? "The bank refused your credentials" : bankText);
    }

    /** The same, as the interruption of a data call. */
    public static Interruption interruption(BankError error, ConnectionContext ctx) {
        return switch (outcome(error, ctx)) {
            case StepResult.ConsentExpired expired -> Interruption.consentExpired(expired.message());
            case StepResult.ScaRequired sca -> Interruption.scaRequired(sca.message());
            case StepResult.WebauthRequired webauth -> Interruption.webauthRequired(webauth.message());
            case StepResult.Failure failure when failure.reason() == FailureReason.RATE_LIMITED ->
                    Interruption.rateLimited(failure.userMessage(), failure.retryAfter());
            case StepResult.Failure failure ->
                    Interruption.failure(failure.reason(), failure.userMessage(), failure.retryAfter());
            default -> throw new IllegalStateException("no interruption for " + error.describe());
        };
    }
}
