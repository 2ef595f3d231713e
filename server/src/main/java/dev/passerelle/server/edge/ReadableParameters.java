package dev.passerelle.server.edge;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.BodyParamsResolver;
import dev.passerelle.server.api.RefusalPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Reads every request's parameters once, up front, and answers 400 {@code invalidValue} when they
 * cannot be read: bytes that are not valid UTF-8 (a form body or a multipart part declared in
 * another charset too), a parameter without a name, a NUL character, more than
 * {@code server.tomcat.max-parameter-count}, a form body that stops short of its
 * {@code Content-Length}, a multipart part that is a file. Done here, such a request is refused the
 * same way whichever code would have read a parameter first (a filter, an interceptor, a
 * controller), and never as a 500. Query strings and multipart bodies are parsed by the container;
 * form bodies of every write method by {@link FormBody}, because the container drops the
 * connection without an answer when such a body stalls. The container decodes a multipart body's
 * text parts leniently (an invalid byte becomes U+FFFD), so their bytes are checked here as strictly
 * as a form body's. Neither the container's messages nor ours quote a name or a value, which may be
 * a password. A browser's page ({@link RefusalPages}) is refused with that page instead of the envelope.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ReadableParameters extends OncePerRequestFilter {

    static final String DESCRIPTION = "The parameters cannot be read: each needs a name, valid percent-encoding"
            + " of UTF-8, and there may be at most %d of them";
    private static final Set<String> FORM_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final HandlerExceptionResolver errors;
    /** Looked up per refusal: the pages' features need the MVC configuration, made after the filters. */
    private final ObjectProvider<RefusalPages> pages;
    private final int maxParameters;

    public ReadableParameters(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
                              ObjectProvider<RefusalPages> pages,
                              @Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
        this.errors = errors;
        this.pages = pages;
        this.maxParameters = maxParameters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest readable;
        try {
            readable = hasBody(request, MediaType.APPLICATION_FORM_URLENCODED) ? withFormBody(request) : request;
            if (readable.getParameterMap().entrySet().stream().anyMatch(ReadableParameters::hasNul)) {
                throw ApiError.INVALID_VALUE.exception(BodyParamsResolver.NUL);
            }
            if (hasBody(request, MediaType.MULTIPART_FORM_DATA)) {
                checkTextParts(request);
            }
        } catch (IllegalStateException e) {
            refuse(request, response, refusal(e));
            return;
        } catch (ApiException e) {
            refuse(request, response, e);
            return;
        }
        chain.doFilter(readable, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refusal)
            throws IOException {
        Optional<ResponseEntity<String>> page = RefusalPages.first(pages, feature -> feature.unreadable(request, response));
        if (page.isEmpty()) {
            errors.resolveException(request, response, null, refusal);
            return;
        }
        response.setStatus(page.get().getStatusCode().value());
        // set, not added: the filters before this one may have written the same headers (nosniff)
        page.get().getHeaders().forEach((name, values) -> {
            response.setHeader(name, values.getFirst());
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        response.getOutputStream().write(page.get().getBody().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasBody(HttpServletRequest request, MediaType type) {
        if (!FORM_METHODS.contains(request.getMethod()) || request.getContentType() == null) {
            return false;
        }
        try {
            return type.includes(MediaType.parseMediaType(request.getContentType()));
        } catch (IllegalArgumentException e) {
            return false; // BodyParamsResolver answers 415 for a content type it cannot parse
        }
    }

    /**
     * Each part is text: no route takes a file, and the container leaves a file part out of the
     * parameters, so that a request would run as if that value were missing (a token for a new user
     * where {@code id_user} was sent as a file). Its charset is UTF-8, as the request says or as its own
     * {@code Content-Type} says (RFC 7578 §4.4), and its bytes are valid UTF-8.
     */
    private void checkTextParts(HttpServletRequest request) throws IOException, ServletException {
        charset(request); // refuses a body declared in another charset than UTF-8
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() != null) {
                throw ApiError.INVALID_VALUE.exception("A multipart part is a file (it has a filename): every value is text");
            }
            try {
                FormBody.strictly(ByteBuffer.wrap(part.getInputStream().readAllBytes()), charset(part));
            } catch (FormBody.Malformed e) {
                throw ApiError.INVALID_VALUE.exception(DESCRIPTION.formatted(maxParameters));
            }
        }
    }

    private static Charset charset(Part part) {
        if (part.getContentType() == null) {
            return StandardCharsets.UTF_8;
        }
        Charset declared;
        try {
            declared = MediaType.parseMediaType(part.getContentType()).getCharset();
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_VALUE.exception("A multipart part's Content-Type cannot be read");
        }
        return utf8(declared == null ? StandardCharsets.UTF_8 : declared);
    }

    /** The request with its query's parameters (parsed by the container) and then its form body's. */
    private HttpServletRequest withFormBody(HttpServletRequest request) {
        Charset charset = charset(request);
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw ApiError.INVALID_VALUE.exception(BodyParamsResolver.INCOMPLETE_BODY);
        }
        Map<String, List<String>> form;
        try {
            form = FormBody.decode(body, charset);
        } catch (FormBody.Malformed e) {
            throw ApiError.INVALID_VALUE.exception(DESCRIPTION.formatted(maxParameters));
        }
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        form.forEach((name, values) -> parameters.merge(name, values.toArray(String[]::new),
                (a, b) -> Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new)));
        if (parameters.values().stream().mapToInt(values -> values.length).sum() > maxParameters) {
            throw ApiError.INVALID_VALUE.exception(DESCRIPTION.formatted(maxParameters));
        }
        return new WithParameters(request, Collections.unmodifiableMap(parameters));
    }

    /**
     * The API reads and writes UTF-8 only (docs/protocol.md, "Conventions"): a form body declared in
     * another charset is refused rather than decoded, so that a value means the same bytes whatever
     * the client's stack declares (US-ASCII is accepted: it is a subset of UTF-8).
     */
    private static Charset charset(HttpServletRequest request) {
        Charset declared;
        try {
            declared = Charset.forName(request.getCharacterEncoding());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiError.UNSUPPORTED_MEDIA_TYPE.exception("Unknown charset in the Content-Type");
        }
        return utf8(declared);
    }

    private static Charset utf8(Charset declared) {
        if (!declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
            throw ApiError.INVALID_VALUE.exception("Form bodies are read as UTF-8: send charset=UTF-8 (or none)");
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean hasNul(Map.Entry<String, String[]> parameter) {
        return parameter.getKey().indexOf(0) >= 0 || Arrays.stream(parameter.getValue()).anyMatch(v -> v.indexOf(0) >= 0);
    }

    private ApiException refusal(IllegalStateException e) {
        if (e instanceof InvalidParameterException invalid
                && invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
            return ApiError.PAYLOAD_TOO_LARGE.exception();
        }
        return ApiError.INVALID_VALUE.exception(DESCRIPTION.formatted(maxParameters));
    }

    /** A request whose parameters were read here. */
    private static final class WithParameters extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        WithParameters(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
