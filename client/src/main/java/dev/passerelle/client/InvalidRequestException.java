package dev.passerelle.client;

/** 400 (and 405, 413, 415): a parameter is missing or wrong (missingParameter, invalidValue, config). */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(int status, String code, String description, String userMessage, String requestId) {
        super(status, code, description, userMessage, requestId);
    }
}
