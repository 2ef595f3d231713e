package dev.passerelle.client;

/** 404 notFound: no such route or resource (for this user). */
public class NotFoundException extends ApiException {

    public NotFoundException(int status, String code, String description, String userMessage, String requestId) {
        super(status, code, description, userMessage, requestId);
    }
}
