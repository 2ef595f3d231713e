package dev.passerelle.client;

/** 409: another step runs on the connection (connectionLocked), or its state forbids the call. */
public class ConflictException extends ApiException {

    public ConflictException(int status, String code, String description, String userMessage, String requestId) {
        super(status, code, description, userMessage, requestId);
    }
}
