package dev.passerelle.client.flow;

import dev.passerelle.client.PasserelleException;

/**
 * A webauth journey that came back without a connection: refused at the institution
 * ({@code access_denied}), failed ({@code server_error}), or never finished in time ({@code timeout}).
 */
public class WebauthFailedException extends PasserelleException {

    private final String error;

    public WebauthFailedException(String error, String description) {
        super(error + (description == null ? "" : ": " + description));
        this.error = error;
    }

    public String error() {
        return error;
    }
}
