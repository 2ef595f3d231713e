package dev.passerelle.connector;

import java.util.Objects;

/**
 * One setting an operator gives a connector ({@code passerelle.connectors.settings.<uuid>.<name>}),
 * declared in its {@link ConnectorDescriptor} so that the server checks the configuration at
 * start-up (a missing required setting or a value of the wrong type disables the connector with a
 * clear message) and never prints a secret.
 *
 * @param name         the key
 * @param type         how the value reads
 * @param required     whether the connector cannot run without it
 * @param defaultValue the value when none is configured, or {@code null}
 * @param description  what it is for, in the operator's words
 */
public record SettingSpec(String name, Type type, boolean required, String defaultValue, String description) {

    /** How a setting's value reads. */
    public enum Type {
        TEXT,
        /** A whole number. */
        INTEGER,
        /** A non-negative whole number of seconds. */
        SECONDS,
        /** {@code true} or {@code false}. */
        FLAG,
        /** An absolute {@code http} or {@code https} URL. */
        URL,
        /** A secret (a client secret, a keystore password): masked wherever settings are shown. */
        SECRET,
        /** A path to a file the server reads (a PKCS#12 keystore). */
        FILE
    }

    public SettingSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type == Type.SECRET && defaultValue != null) {
            throw new IllegalArgumentException("a secret setting has no default: " + name);
        }
    }

    public static SettingSpec of(String name, Type type, String description) {
        return new SettingSpec(name, type, false, null, description);
    }

    public SettingSpec withDefault(String value) {
        return new SettingSpec(name, type, required, value, description);
    }

    public SettingSpec asRequired() {
        return new SettingSpec(name, type, true, defaultValue, description);
    }

    public boolean secret() {
        return type == Type.SECRET;
    }
}
