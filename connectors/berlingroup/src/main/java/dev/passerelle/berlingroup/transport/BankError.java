package dev.passerelle.berlingroup.transport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The bank answered an error, or could not be reached. {@link ErrorTable} says what it means; the
 * step or data call that met it turns that into an outcome.
 */
public final class BankError extends RuntimeException {

    private final String call;
    private final boolean unusable;
    private final int status;
    private final List<TppMessage> messages;
    private final Duration retryAfter;

    BankError(String call, int status, List<TppMessage> messages, Duration retryAfter, String reason) {
        this(call, false, status, messages, retryAfter, reason);
    }

    private BankError(String call, boolean unusable, int status, List<TppMessage> messages, Duration retryAfter,
                      String reason) {
        super(reason, null, false, false);
        this.call = call;
        this.unusable = unusable;
        this.status = status;
        this.messages = List.copyOf(messages);
        this.retryAfter = retryAfter;
    }

    /** The bank could not be reached or did not answer in time. */
    static BankError unreachable(String call, String reason) {
        return new BankError(call, 0, List.of(), null, reason);
    }

    /**
     * The TLS handshake failed on a certificate: the bank's is not trusted here (a private CA missing
     * from {@code certificates.truststore}, an expired one), or the bank refused the QWAC. No retry
     * mends that, so it carries the standard's {@code CERTIFICATE_INVALID}, which the
     * {@link ErrorTable} gives the operator, instead of passing for a bank that is down.
     */
    static BankError certificateRefused(String call, String reason) {
        return new BankError(call, 0, List.of(new TppMessage("CERTIFICATE_INVALID", null, reason)), null, reason);
    }

    /**
     * The bank answered something the connector cannot use (a required element missing, a link to
     * another host): it breaks the standard, and the operator must look.
     */
    public static BankError unusable(String call, String reason) {
        return new BankError(call, true, 0, List.of(), null, reason);
    }

    /** Whether the bank's answer broke the standard ({@link #unusable}). */
    public boolean isUnusable() {
        return unusable;
    }

    /** The call, as {@code GET /v1/accounts}: for the operator's log, never with a query or secret. */
    public String call() {
        return call;
    }

    /** The HTTP status, or 0 when the bank was not reached. */
    public int status() {
        return status;
    }

    public List<TppMessage> messages() {
        return messages;
    }

    /** Whether the bank sent this message code. */
    public boolean has(String code) {
        return messages.stream().anyMatch(m -> code.equals(m.code()));
    }

    /** The first message code, or empty. */
    public Optional<String> code() {
        return messages.stream().map(TppMessage::code).filter(c -> c != null && !c.isBlank()).findFirst();
    }

    /** The bank's first explanation, or empty. */
    public Optional<String> text() {
        return messages.stream().map(TppMessage::text).filter(t -> t != null && !t.isBlank()).findFirst();
    }

    /** The bank's {@code Retry-After}, or empty. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** One line for the operator: the call, the status, the codes, paths and texts. */
    public String describe() {
        StringBuilder line = new StringBuilder(call).append(": ");
        line.append(unusable ? "unusable answer (" + getMessage() + ")"
                : status == 0 ? "not reached (" + getMessage() + ")" : "HTTP " + status);
        for (TppMessage message : messages) {
            line.append(", ").append(message.code() == null ? "(no code)" : message.code());
            if (message.path() != null) {
                line.append(" at ").append(message.path());
            }
            if (message.text() != null) {
                line.append(": ").append(message.text());
            }
        }
        retryAfter().ifPresent(delay -> line.append(", retry after ").append(delay.toSeconds()).append(" s"));
        return line.toString();
    }
}
