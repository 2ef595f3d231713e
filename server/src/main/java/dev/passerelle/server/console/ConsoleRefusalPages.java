package dev.passerelle.server.console;

import dev.passerelle.server.api.RefusalPages;
import dev.passerelle.server.api.RoutedPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The console's error page ({@code templates/console/error.html}) for a console address a browser
 * followed that the application cannot serve as a page before any of the console's controllers and
 * filters sees it: an address the servlet container refused before mapping it (GET
 * {@code /console/%2F}), and one whose parameters cannot be read ({@code ?q=%C3%28}). Rendered here
 * with the console's headers ({@link ConsoleHeaders#of}) and language ({@link ConsoleLanguage}).
 */
@Component
class ConsoleRefusalPages implements RefusalPages {

    private final ITemplateEngine templates;
    private final ConsoleLanguage language;

    ConsoleRefusalPages(ITemplateEngine templates, ConsoleLanguage language) {
        this.templates = templates;
        this.language = language;
    }

    @Override
    public Optional<ResponseEntity<String>> containerRefused(HttpServletRequest request, HttpServletResponse response,
                                                              String path, HttpStatus status) {
        return followedLink(request, path) ? Optional.of(page(request, response, path, status,
                "console.error.unreadableAddress", language.ofRefused(request))) : Optional.empty();
    }

    /** The language is the operator's saved one or the browser's: {@code ?lang=} is among what cannot be read. */
    @Override
    public Optional<ResponseEntity<String>> unreadable(HttpServletRequest request, HttpServletResponse response) {
        String path = RoutedPath.of(request);
        return followedLink(request, path) ? Optional.of(page(request, response, path, HttpStatus.BAD_REQUEST,
                "console.error.unreadableParameters", language.savedOrBrowsers(request))) : Optional.empty();
    }

    /** A GET of a console address: what a browser sends for a link. Asked first, as only then may the request be read further. */
    private static boolean followedLink(HttpServletRequest request, String path) {
        return "GET".equals(request.getMethod()) && ConsoleGuard.isConsole(path);
    }

    private ResponseEntity<String> page(HttpServletRequest request, HttpServletResponse response, String path,
                                        HttpStatus status, String messageKey, Locale locale) {
        // A web context: the layout's links (@{/console/…}) are built from the request's context path.
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale, Map.of("messageKey", messageKey, "path", ConsoleGuard.ROOT));
        return ResponseEntity.status(status).headers(ConsoleHeaders.of(path))
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(templates.process("console/error", context));
    }
}
