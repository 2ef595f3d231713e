package dev.passerelle.xs2a.simulator.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the bank refuses: rendered as the NextGenPSD2 error body
 * {@code {"tppMessages": [{"category": "ERROR", "code": …, "text": …}]}} with the code's status.
 */
public final class Xs2aException extends RuntimeException {

    private final TppMessageCode code;
    private final int status;
    private final String path;
    private final Duration retryAfter;

    private Xs2aException(TppMessageCode code, int status, String text, String path, Duration retryAfter) {
        super(text);
        this.code = code;
        this.status = status;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    public static Xs2aException of(TppMessageCode code, String text) {
        return new Xs2aException(code, code.status(), text, null, null);
    }

    /** A code with another status than its usual one (see {@link TppMessageCode}). */
    public static Xs2aException withStatus(TppMessageCode code, int status, String text) {
        return new Xs2aException(code, status, text, null, null);
    }

    /** A format error about one field of the request ({@code path} names it, e.g. {@code access.accounts}). */
    public static Xs2aException formatError(String path, String text) {
        return new Xs2aException(TppMessageCode.FORMAT_ERROR, 400, text, path, null);
    }

    /** A refusal the client may retry after {@code retryAfter} (429 ACCESS_EXCEEDED, 503). */
    public static Xs2aException retryable(TppMessageCode code, String text, Duration retryAfter) {
        return new Xs2aException(code, code.status(), text, null, retryAfter);
    }

    public TppMessageCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
