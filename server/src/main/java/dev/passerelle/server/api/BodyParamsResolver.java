package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads {@link BodyParams} from JSON, form-urlencoded or multipart bodies. For form bodies the
 * servlet merges query and body parameters; the query's own values are subtracted so that
 * {@code ?all} or {@code ?expand=} never pass for field values.
 */
@Component
public class BodyParamsResolver implements HandlerMethodArgumentResolver {

    /** A body that stopped before its {@code Content-Length}, or stalled past the read timeout. */
    public static final String INCOMPLETE_BODY = "The request body ended before its Content-Length, or arrived too slowly";

    /** U+0000 is no text of the protocol, and PostgreSQL can neither store nor compare it. */
    public static final String NUL = "Parameters and values may not contain the NUL character";

    /**
     * A JSON string may escape half of a surrogate pair ({@code "\\ud800"}), which is no character:
     * UTF-8 cannot encode it, and what stored it would hand back text no client can read (RFC 8259
     * §8.2).
     */
    public static final String UNPAIRED_SURROGATE = "Parameters and values must be Unicode text: "
            + "\\uD800-\\uDFFF escapes only as surrogate pairs";

    private final ObjectMapper json;

    public BodyParamsResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == BodyParams.class;
    }

    @Override
    public BodyParams resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                      WebDataBinderFactory binders) throws IOException {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return readJson(request.getInputStream()); // curl -d '' and bare POSTs carry no type
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw ApiError.UNSUPPORTED_MEDIA_TYPE.exception();
        }
        if (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json")) {
            return readJson(request.getInputStream());
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type) || MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return readForm(request);
        }
        if (MediaType.TEXT_PLAIN.isCompatibleWith(type) && request.getContentLengthLong() <= 0) {
            return BodyParams.empty();
        }
        throw ApiError.UNSUPPORTED_MEDIA_TYPE.exception();
    }

    private BodyParams readJson(InputStream in) {
        byte[] bytes = readBody(in);
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return BodyParams.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw ApiError.INVALID_VALUE.exception("The request body is not valid JSON");
        }
        if (!root.isObject()) {
            throw ApiError.INVALID_VALUE.exception("The request body must be a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> structured = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode node = field.getValue();
            if (node.isNull()) {
                continue;
            }
            String value = node.isValueNode() ? node.asString() : node.toString();
            if (field.getKey().indexOf(0) >= 0 || value.indexOf(0) >= 0) {
                throw ApiError.INVALID_VALUE.exception(NUL);
            }
            if (!isUnicodeText(field.getKey()) || !isUnicodeText(value)) {
                throw ApiError.INVALID_VALUE.exception(UNPAIRED_SURROGATE);
            }
            if (node.isContainer()) {
                structured.add(field.getKey());
            }
            values.put(field.getKey(), value);
        }
        return BodyParams.of(values, structured);
    }

    private static boolean isUnicodeText(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    /**
     * The whole body. A client that stops sending before its {@code Content-Length} is refused once
     * the container's read timeout ({@code server.tomcat.connection-timeout}) passes.
     */
    private static byte[] readBody(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw ApiError.INVALID_VALUE.exception(INCOMPLETE_BODY);
        }
    }

    private static BodyParams readForm(HttpServletRequest request) {
        Map<String, List<String>> query = parseQuery(request.getQueryString());
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, all) -> {
            List<String> bodyValues = new ArrayList<>(Arrays.asList(all));
            query.getOrDefault(name, List.of()).forEach(bodyValues::remove);
            if (!bodyValues.isEmpty()) {
                values.put(name, bodyValues.getLast());
            }
        });
        return BodyParams.of(values);
    }

    private static Map<String, List<String>> parseQuery(String queryString) {
        Map<String, List<String>> query = new HashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return query;
        }
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_VALUE.exception("The query string is not valid URL encoding");
        }
    }
}
