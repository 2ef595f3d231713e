package dev.passerelle.server.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.NonNull;

/**
 * A connector field on the wire (docs/protocol.md §2.4 {@code ConnectorField}). {@code values} is
 * present only on {@code list} fields ([doc] "only for list"); a field without source or mechanism
 * restriction lists every source and mechanism.
 */
public record FieldView(
        String name,
        String label,
        String description,
        @Schema(implementation = FieldType.class) @NonNull String type,
        boolean required,
        String regex,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ChoiceView> values,
        List<String> connectorSources,
        @ArraySchema(schema = @Schema(implementation = AuthMechanism.class)) @NonNull List<String> authMechanisms) {

    static FieldView of(FieldSpec field, List<String> allSources) {
        List<Locale.LanguageRange> languages = UserLanguages.current();
        return new FieldView(field.name(), field.label(languages), field.description(), field.type().wireName(),
                field.required(), field.regex(), ChoiceView.of(field, languages),
                field.sources().isEmpty() ? allSources : field.sources().stream().filter(allSources::contains).toList(),
                mechanisms(field));
    }

    /** A value of a list field, {@code {value, label}}, labelled in the user's language. */
    public record ChoiceView(String value, String label) {
        /** The choices of a list field; null for other types ([doc] "only for list"). */
        public static List<ChoiceView> of(FieldSpec field, List<Locale.LanguageRange> languages) {
            return field.type() != FieldType.LIST ? null
                    : field.values().stream().map(choice -> new ChoiceView(choice.value(), choice.label(languages))).toList();
        }
    }

    /** The wire names of the mechanisms {@code field} applies to; none declared means all. */
    public static List<String> mechanisms(FieldSpec field) {
        return field.authMechanisms().isEmpty()
                ? List.of(AuthMechanism.CREDENTIALS.wireName(), AuthMechanism.WEBAUTH.wireName())
                : field.authMechanisms().stream().map(AuthMechanism::wireName).sorted().toList();
    }

    /** The fields of the enabled sources: a field of disabled sources only is not published. */
    static List<FieldView> enabledFields(ConnectorDescriptor connector, List<SourceView> enabledSources) {
        List<String> names = enabledSources.stream().map(SourceView::name).toList();
        return connector.fields().stream()
                .filter(f -> f.sources().isEmpty() || f.sources().stream().anyMatch(names::contains))
                .map(f -> of(f, names))
                .toList();
    }
}
