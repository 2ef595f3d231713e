package dev.passerelle.client.model;

import java.util.List;

/**
 * A field a connector asks for ({@code GET /connectors?expand=fields}), or that a connection in a
 * user-action state asks for ({@code fields} of the connection: an OTP, new credentials).
 * {@code type} is {@code text}, {@code password}, {@code list}, {@code date}, {@code number}…;
 * {@code values} only for lists.
 */
public record ConnectorField(String name, String label, String description, String type, Boolean required,
                             String regex, List<FieldValue> values, List<String> connectorSources,
                             List<String> authMechanisms, String value) {

    /** Whether it is a secret the user types (shown masked). */
    public boolean secret() {
        return "password".equals(type);
    }

    public boolean mandatory() {
        return Boolean.TRUE.equals(required);
    }
}
