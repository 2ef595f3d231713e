package dev.passerelle.server.webauth;

import dev.passerelle.server.api.RefusalPages;
import dev.passerelle.server.api.RoutedPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The pages a browser sees during a web authentication when it cannot be sent back to the
 * integrator: Thymeleaf templates ({@code templates/webauth/*.html}) whose words are the message
 * bundles' {@code webauth.*} keys, in the browser's language (French or English). Self-contained
 * (no script, no external asset), never cached, never framed (a consent button must not be
 * clickjacked) and leaking no referrer (URLs carry codes). A link or a bank's return whose parameters
 * cannot be read gets the invalid-link page too, and a path under the callback's that names no return
 * the unknown-return page ({@link RefusalPages}).
 */
@Component
class WebauthPages implements RefusalPages {

    private final ITemplateEngine templates;
    private final MessageSource messages;

    WebauthPages(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    /**
     * An error page: what went wrong ({@code problem}, a {@code webauth.error.*} key) for the person in
     * front of the browser, and the server's own words when there are any ({@code detail}, English).
     */
    ResponseEntity<String> error(HttpStatus status, String problem, String detail, Locale locale) {
        Context context = new Context(locale, Map.of("message", "webauth.error." + problem));
        context.setVariable("detail", detail);
        return respond(status, messages.getMessage("webauth.lang", null, locale),
                templates.process("webauth/error", context));
    }

    /** {@code /webauth} and the bank's returns ({@link WebauthCallback}), in the browser's language. */
    @Override
    public Optional<ResponseEntity<String>> unreadable(HttpServletRequest request, HttpServletResponse response) {
        String path = RoutedPath.of(request);
        if (!"GET".equals(request.getMethod())
                || !(path.equals(WebauthJourneys.WEBAUTH_PATH) || path.equals(WebauthCallback.PATH)
                        || path.startsWith(WebauthCallback.PATH + "/"))) {
            return Optional.empty();
        }
        return Optional.of(error(HttpStatus.BAD_REQUEST, "invalidLink", null, request.getLocale()));
    }

    /** A path under the callback's that names no return (a trailing slash, a segment too many): no trip is under way there. */
    @Override
    public Optional<ResponseEntity<String>> notFound(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !RoutedPath.of(request).startsWith(WebauthCallback.PATH + "/")) {
            return Optional.empty();
        }
        return Optional.of(error(HttpStatus.NOT_FOUND, "unknownReturn", null, request.getLocale()));
    }

    /** A page with the headers of every page of the flow; {@code language} is its Content-Language. */
    private static ResponseEntity<String> respond(HttpStatus status, String language, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .body(html);
    }
}
