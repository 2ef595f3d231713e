package dev.passerelle.server.connections;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.runtime.state.Prompt;
import dev.passerelle.server.connectors.FieldView;
import dev.passerelle.server.connectors.UserLanguages;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.NonNull;

/**
 * A field a connection in a user-action state asks for, in the observed shape
 * {@code {name, label, description, regex, value, type}} (docs/protocol.md §2.4, §3.1), plus
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
        @Schema(implementation = FieldType.class) @NonNull String type,
        boolean required,
        @ArraySchema(schema = @Schema(implementation = AuthMechanism.class)) @NonNull List<String> authMechanisms,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldView.ChoiceView> values,
        @JsonInclude(JsonInclude.Include.NON_NULL) String image,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer attemptsLeft) {

    /**
     * The fields a step asks, as its request asks them (labels in that request's user languages): a
     * challenge's image on the first, the attempts left on each.
     */
    static List<ConnectionFieldView> of(Prompt prompt) {
        List<ConnectionFieldView> views = new ArrayList<>();
        for (FieldSpec field : prompt.fields()) {
            String image = views.isEmpty() && prompt.image() != null ? prompt.image().dataUri() : null;
            views.add(of(field, image, prompt.attemptsLeft()));
        }
        return views;
    }

    private static ConnectionFieldView of(FieldSpec field, String image, Integer attemptsLeft) {
        List<Locale.LanguageRange> languages = UserLanguages.current();
        String label = field.label(languages);
        boolean describedByLabel = field.description() == null || field.description().equals(field.label());
        return new ConnectionFieldView(field.name(), label, describedByLabel ? label : field.description(),
                field.regex(), null, field.type().wireName(), field.required(), FieldView.mechanisms(field),
                FieldView.ChoiceView.of(field, languages), image, attemptsLeft);
    }
}
