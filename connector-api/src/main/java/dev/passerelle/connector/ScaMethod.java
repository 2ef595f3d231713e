package dev.passerelle.connector;

import java.util.Objects;

/**
 * One way the institution can authenticate the user strongly, offered for the user to choose
 * (Berlin Group's {@code scaMethods}: SMS OTP, push, photoTAN…).
 *
 * @param id    the institution's id of the method, posted back as the choice
 * @param label what the user reads
 */
public record ScaMethod(String id, String label) {

    public ScaMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
