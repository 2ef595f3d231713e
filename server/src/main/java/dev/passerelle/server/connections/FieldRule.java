package dev.passerelle.server.connections;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * One rule a posted connector field value must satisfy (docs/protocol.md §2.4 {@code required},
 * {@code regex}, {@code values}). Rules compose in {@link FieldValidator}; a violation is a 400
 * {@code config} worded like the reference sandbox's ({@code Value "x" is not in list: a, b}).
 */
@FunctionalInterface
interface FieldRule {

    /** The violation of {@code value} (null when absent), if any. */
    Optional<String> check(FieldSpec field, String value);

    /** Required fields need a non-blank value. Only applied where the value must be given now. */
    FieldRule REQUIRED = (field, value) -> field.required() && (value == null || value.isBlank())
            ? Optional.of("Field is required")
            : Optional.empty();

    /** The whole value matches the field's pattern. */
    FieldRule MATCHES_REGEX = (field, value) -> {
        if (value == null || field.regex() == null) {
            return Optional.empty();
        }
        try {
            return Pattern.compile(field.regex()).matcher(value).matches()
                    ? Optional.empty()
                    : Optional.of("Value does not match the expected format " + field.regex());
        } catch (PatternSyntaxException e) {
            return Optional.empty(); // a connector's bad pattern must not lock users out
        }
    };

    /** A list field's value is one of its values. */
    FieldRule IN_LIST = (field, value) -> {
        if (value == null || field.type() != FieldType.LIST
                || field.values().stream().anyMatch(c -> c.value().equals(value))) {
            return Optional.empty();
        }
        return Optional.of("Value \"" + value + "\" is not in list: "
                + field.values().stream().map(FieldSpec.Choice::value).collect(Collectors.joining(", ")));
    };
}
