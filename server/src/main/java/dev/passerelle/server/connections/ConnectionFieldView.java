package dev.passerelle.server.connections;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.server.connectors.FieldView;
import java.util.List;

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
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldSpec.Choice> values) {

    static ConnectionFieldView of(FieldSpec field) {
        return new ConnectionFieldView(field.name(), field.label(),
                field.description() == null ? field.label() : field.description(), field.regex(), null,
                field.type().wireName(), field.required(), FieldView.mechanisms(field),
                field.type() == FieldType.LIST ? field.values() : null);
    }
}
