package dev.passerelle.client;

/** 403 forbidden: a valid token acting on another user, or a token of the wrong kind. */
public class PermissionException extends ApiException {

    public PermissionException(int status, String code, String description, String userMessage, String requestId) {
        super(status, code, description, userMessage, requestId);
    }
}
