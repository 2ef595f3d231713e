package dev.passerelle.client.webhooks;

/** A webhook call that does not prove it comes from the server: answer it 400 (or 401) and drop it. */
public class SignatureVerificationException extends Exception {

    public SignatureVerificationException(String message) {
        super(message);
    }
}
