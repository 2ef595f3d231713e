package dev.passerelle.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A body parameter that holds a JSON object of scalars, such as a client application's or an auth
 * provider's {@code config}: sent as an object, or as a string holding one (form bodies, and
 * clients that encode it twice). JSON null values stay, as null: "unset this one".
 */
public final class FlatObject {

    private FlatObject() {
    }

    /** The object in {@code raw} as name → text (null for JSON null), or 400 naming {@code field}. */
    public static Map<String, String> parse(String field, String raw, ObjectMapper json) {
        JsonNode node;
        try {
            node = json.readTree(raw);
            if (node.isString()) {
                node = json.readTree(node.asString());
            }
        } catch (JacksonException malformed) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw ApiError.INVALID_VALUE.exception("'" + field + "' must be a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (!value.isValueNode()) {
                throw ApiError.INVALID_VALUE.exception("'" + field + "." + shortened(entry.getKey())
                        + "' must be a string, number or boolean");
            }
            values.put(entry.getKey(), value.isNull() ? null : value.asString());
        });
        return values;
    }

    /** A name from a client, cut to a length an error message can echo. */
    public static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
