package dev.passerelle.client;

/** 401 unauthorized: a missing, expired or revoked token, or wrong client credentials. */
public class AuthenticationException extends ApiException {

    public AuthenticationException(int status, String code, String description, String userMessage, String requestId) {
        super(status, code, description, userMessage, requestId);
    }
}
