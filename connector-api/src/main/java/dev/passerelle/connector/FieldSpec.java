package dev.passerelle.connector;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One input a connector asks of the user: a credential, a scenario choice, an OTP answer
 * (PROTOCOL-NOTES §2.4 {@code ConnectorField}).
 *
 * @param name           key under which the value is posted
 * @param label          short label shown next to the input
 * @param description    longer help, or {@code null}
 * @param type           input widget
 * @param required       a non-empty value is required on creation
 * @param regex          pattern the whole value must match, or {@code null}
 * @param values         allowed values for {@link FieldType#LIST}, empty otherwise
 * @param sources        connector sources the field applies to (empty: all)
 * @param authMechanisms mechanisms the field applies to (empty: all)
 */
public record FieldSpec(
        String name,
        String label,
        String description,
        FieldType type,
        boolean required,
        String regex,
        List<Choice> values,
        List<String> sources,
        Set<AuthMechanism> authMechanisms) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        sources = List.copyOf(sources);
        authMechanisms = Set.copyOf(authMechanisms);
    }

    /** A free-text field, as an OTP challenge asks. */
    public static FieldSpec text(String name, String label) {
        return new FieldSpec(name, label, label, FieldType.TEXT, true, null, List.of(), List.of(), Set.of());
    }

    /** Whether this field is asked when adding {@code source} with {@code mechanism}. */
    public boolean appliesTo(String source, AuthMechanism mechanism) {
        return (sources.isEmpty() || sources.contains(source))
                && (authMechanisms.isEmpty() || authMechanisms.contains(mechanism));
    }

    /** One allowed value of a list field. */
    public record Choice(String value, String label) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }
}
