package dev.passerelle.server.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of a write request as flat name → string values, whatever the client sent: JSON,
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (docs/protocol.md §0).
 * JSON scalars become their text ({@code false} → {@code "false"}); JSON {@code null} is absent;
 * nested objects and arrays keep their JSON text. Declare a controller parameter of this type.
 */
public final class BodyParams {

    private static final BodyParams EMPTY = new BodyParams(Map.of());

    private final Map<String, String> values;

    BodyParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static BodyParams of(Map<String, String> values) {
        return values.isEmpty() ? EMPTY : new BodyParams(values);
    }

    public static BodyParams empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value, if present and non-blank. */
    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * A free-text value, if present and non-blank, of at most {@code maxLength} characters (the
     * column that stores it); longer is {@link ApiError#INVALID_VALUE}.
     */
    public Optional<String> text(String name, int maxLength) {
        return string(name).map(value -> {
            if (value.length() > maxLength) {
                throw ApiError.INVALID_VALUE.exception("'" + name + "' is longer than " + maxLength + " characters");
            }
            return value;
        });
    }

    /** A required value, or {@link ApiError#MISSING_PARAMETER}. */
    public String require(String name) {
        return string(name).orElseThrow(() -> ApiError.MISSING_PARAMETER.exception("Missing parameter '" + name + "'"));
    }

    /** A boolean value read with {@link Flags#parse}, if present. */
    public Optional<Boolean> bool(String name) {
        return values.containsKey(name) ? Optional.of(Flags.parse(name, values.get(name))) : Optional.empty();
    }

    /** An integer value, if present; {@link ApiError#INVALID_VALUE} if not a number. */
    public Optional<Long> number(String name) {
        return string(name).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw ApiError.INVALID_VALUE.exception("'" + name + "' must be an integer");
            }
        });
    }

    /** Every value, for handing field values on to a connector. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return "BodyParams" + values.keySet(); // names only: values may be credentials
    }
}
