package dev.passerelle.server.connections;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.StepResult;
import dev.passerelle.server.connectors.FieldView;
import java.util.ArrayList;
import java.util.List;

/**
 * A field a connection in a user-action state asks for, in the observed shape
 * {@code {name, label, description, regex, value, type}} (PROTOCOL-NOTES §2.4, §3.1), plus
 * {@code required}, {@code auth_mechanisms} (required by [sdk]) and, for lists, {@code values}.
 * A challenge's extras ride on its fields, absent otherwise: {@code image} (a {@code data:} URI of
 * a photoTAN or QR code, on the first field) and {@code attempts_left} (how many wrong answers the
 * institution still accepts).
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
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldSpec.Choice> values,
        @JsonInclude(JsonInclude.Include.NON_NULL) String image,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer attemptsLeft) {

    static ConnectionFieldView of(FieldSpec field) {
        return of(field, null, null);
    }

    /** The fields of a challenge, with its image on the first and the attempts left on each. */
    static List<ConnectionFieldView> of(StepResult.Challenge challenge) {
        List<ConnectionFieldView> views = new ArrayList<>();
        for (FieldSpec field : challenge.fields()) {
            String image = views.isEmpty() && challenge.image() != null ? challenge.image().dataUri() : null;
            views.add(of(field, image, challenge.attemptsLeft()));
        }
        return views;
    }

    private static ConnectionFieldView of(FieldSpec field, String image, Integer attemptsLeft) {
        return new ConnectionFieldView(field.name(), field.label(),
                field.description() == null ? field.label() : field.description(), field.regex(), null,
                field.type().wireName(), field.required(), FieldView.mechanisms(field),
                field.type() == FieldType.LIST ? field.values() : null, image, attemptsLeft);
    }
}
