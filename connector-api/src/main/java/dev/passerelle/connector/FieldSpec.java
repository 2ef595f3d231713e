package dev.passerelle.connector;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One input a connector asks of the user: a credential, a scenario choice, an OTP answer
 * (docs/protocol.md §2.4 {@code ConnectorField}).
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
 * @param labels         {@code label} in the languages the connector speaks, by language tag
 *                       ({@code fr}, {@code en}), the language of {@code label} included; empty when the
 *                       connector speaks one language only
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
        Set<AuthMechanism> authMechanisms,
        Map<String, String> labels) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        sources = List.copyOf(sources);
        authMechanisms = Set.copyOf(authMechanisms);
        labels = Map.copyOf(labels);
    }

    /** A field whose label is in one language only. */
    public FieldSpec(String name, String label, String description, FieldType type, boolean required, String regex,
                     List<Choice> values, List<String> sources, Set<AuthMechanism> authMechanisms) {
        this(name, label, description, type, required, regex, values, sources, authMechanisms, Map.of());
    }

    /** This field with its label in several languages ({@link #labels}). */
    public FieldSpec withLabels(Map<String, String> translations) {
        return new FieldSpec(name, label, description, type, required, regex, values, sources, authMechanisms, translations);
    }

    /** The label in the best of the user's languages (RFC 4647 lookup), else {@link #label}. */
    public String label(List<Locale.LanguageRange> userLanguages) {
        return Translations.pick(labels, userLanguages, label);
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

    /** One allowed value of a list field; {@code labels} as the field's. */
    public record Choice(String value, String label, Map<String, String> labels) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            labels = Map.copyOf(labels);
        }

        public Choice(String value, String label) {
            this(value, label, Map.of());
        }

        /** The label in the best of the user's languages, else {@link #label}. */
        public String label(List<Locale.LanguageRange> userLanguages) {
            return Translations.pick(labels, userLanguages, label);
        }
    }
}
