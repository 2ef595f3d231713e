package dev.passerelle.client;

/**
 * 400 whose code is a connection state ({@code wrongpass}, {@code actionNeeded},
 * {@code passwordExpired}, {@code websiteUnavailable}, {@code rateLimiting}, {@code notSupported},
 * {@code bug}): the institution refused the step. On creation nothing was kept; on an update the
 * connection keeps that state (docs/connections.md, "Answers"). {@link #userMessage()} is the
 * institution's message, e.g. "Incorrect password".
 */
public class ConnectionFailedException extends ApiException {

    public ConnectionFailedException(int status, String code, String description, String userMessage, String requestId) {
        super(status, code, description, userMessage, requestId);
    }
}
