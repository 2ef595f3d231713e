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
 * nested objects and arrays keep their JSON text, which only {@link #json} and {@link #members} hand
 * out: the few parameters that take one ({@code config}, {@code events}, {@code redirect_uris}) and
 * the one body made of objects ({@code PATCH /connectors}) read it there, and every other accessor
 * refuses it, so that {@code "name": {"x": 1}} is a 400 rather than a name. Declare a controller
 * parameter of this type.
 */
public final class BodyParams {

    private static final BodyParams EMPTY = new BodyParams(Map.of(), Set.of());

    private final Map<String, String> values;
    private final Set<String> structured;

    private BodyParams(Map<String, String> values, Set<String> structured) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.structured = Set.copyOf(structured);
    }

    /** Values that are all text, as form bodies have them. */
    public static BodyParams of(Map<String, String> values) {
        return of(values, Set.of());
    }

    /** Values of which those named in {@code structured} are a JSON object's or array's text. */
    static BodyParams of(Map<String, String> values, Set<String> structured) {
        return values.isEmpty() ? EMPTY : new BodyParams(values, structured);
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

    /** The value, if present and non-blank; a JSON object or array is {@link ApiError#INVALID_VALUE}. */
    public Optional<String> string(String name) {
        return value(name).filter(v -> !v.isBlank());
    }

    /** The value, if present, blank or not; a JSON object or array is {@link ApiError#INVALID_VALUE}. */
    public Optional<String> value(String name) {
        if (structured.contains(name)) {
            throw notScalar(name);
        }
        return Optional.ofNullable(values.get(name));
    }

    /**
     * A parameter that takes a JSON object or array, if present and non-blank: its JSON text, or the
     * text sent for it (a form field holding the JSON, or another form its reader knows).
     */
    public Optional<String> json(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * A free-text value of one line, if present and non-blank, as {@link UserText#line} checks it
     * against the column that stores it ({@code maxLength} characters).
     */
    public Optional<String> text(String name, int maxLength) {
        return string(name).map(value -> UserText.line(name, value, maxLength));
    }

    /** A required value, or {@link ApiError#MISSING_PARAMETER}. */
    public String require(String name) {
        return string(name).orElseThrow(() -> missing(name));
    }

    /** A required {@link #json} parameter, or {@link ApiError#MISSING_PARAMETER}. */
    public String requireJson(String name) {
        return json(name).orElseThrow(() -> missing(name));
    }

    /** A boolean value read with {@link Flags#parse}, if present. */
    public Optional<Boolean> bool(String name) {
        return value(name).map(v -> Flags.parse(name, v));
    }

    /** An integer value, if present; {@link ApiError#INVALID_VALUE} if not a number. */
    public Optional<Long> number(String name) {
        return string(name).map(v -> WireInteger.require(name, v));
    }

    /**
     * Every value, for handing field values on to a connector or keys to a configuration, which are
     * all text: a JSON object or array among them is {@link ApiError#INVALID_VALUE}.
     */
    public Map<String, String> asMap() {
        values.keySet().stream().filter(structured::contains).findFirst().ifPresent(name -> {
            throw notScalar(name);
        });
        return values;
    }

    /**
     * Every value, a JSON object or array as its text: for a body whose members are objects
     * themselves, keyed by what they apply to ({@code PATCH /connectors}: {@code {"<uuid>": {"hidden": true}}}).
     */
    public Map<String, String> members() {
        return values;
    }

    private static ApiException missing(String name) {
        return ApiError.MISSING_PARAMETER.exception("Missing parameter '" + name + "'");
    }

    private static ApiException notScalar(String name) {
        return ApiError.INVALID_VALUE.exception("'" + FlatObject.shortened(name) + "' must be a string, number or boolean");
    }

    @Override
    public String toString() {
        return "BodyParams" + values.keySet(); // names only: values may be credentials
    }
}
