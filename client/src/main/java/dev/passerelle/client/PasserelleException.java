package dev.passerelle.client;

/** Anything the SDK could not do: the API refused ({@link ApiException}) or could not be reached. */
public class PasserelleException extends RuntimeException {

    public PasserelleException(String message) {
        super(message);
    }

    public PasserelleException(String message, Throwable cause) {
        super(message, cause);
    }
}
