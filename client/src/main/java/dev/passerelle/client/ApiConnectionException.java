package dev.passerelle.client;

/** The API could not be reached or its answer could not be read (network error, timeout, not JSON). */
public class ApiConnectionException extends PasserelleException {

    public ApiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
