package dev.passerelle.client;

/** 5xx: a fault of the server; quote the request id. */
public class ServerException extends ApiException {

    public ServerException(int status, String code, String description, String userMessage, String requestId) {
        super(status, code, description, userMessage, requestId);
    }
}
