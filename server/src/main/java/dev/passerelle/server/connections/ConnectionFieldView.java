package dev.passerelle.server.connections;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.server.connectors.FieldView;
import dev.passerelle.server.connectors.UserLanguages;
import java.util.List;
import java.util.Locale;

/**
 * A field a connection in a user-action state asks for, in the observed shape
 * {@code {name, label, description, regex, value, type}} (PROTOCOL-NOTES §2.4, §3.1), plus
 * {@code required}, {@code auth_mechanisms} (required by [sdk]) and, for lists, {@code values}.
 */
public record ConnectionFieldView(
        String name,
        String label,
        String description,
        String regex,
        String value,
        String type,
        boolean required,
        List<String> authMechanisms,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldView.ChoiceView> values) {

    /** The field as the step's request asks it: labels in that request's user languages. */
    static ConnectionFieldView of(FieldSpec field) {
        List<Locale.LanguageRange> languages = UserLanguages.current();
        String label = field.label(languages);
        boolean describedByLabel = field.description() == null || field.description().equals(field.label());
        return new ConnectionFieldView(field.name(), label, describedByLabel ? label : field.description(),
                field.regex(), null, field.type().wireName(), field.required(), FieldView.mechanisms(field),
                FieldView.ChoiceView.of(field, languages));
    }
}
