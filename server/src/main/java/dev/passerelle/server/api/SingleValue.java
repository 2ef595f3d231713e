package dev.passerelle.server.api;

/**
 * A query parameter that takes one value, given once. Of {@code id_source=1&id_source=2} neither
 * value is surely the one meant, and Spring's binding would silently keep the first; so the request
 * is refused, naming the parameter (docs/protocol.md §0, "a parameter given twice").
 */
public final class SingleValue {

    private SingleValue() {
    }

    /** The one value of {@code values} (a request's for {@code name}), null when absent; several are {@link ApiError#INVALID_VALUE}. */
    public static String of(String name, String[] values) {
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw ApiError.INVALID_VALUE.exception("'" + name + "' is given " + values.length + " times: send it once");
        }
        return values[0];
    }
}
