package dev.passerelle.server.console;

import dev.passerelle.server.api.RefusalPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
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
 * followed that the servlet container refused before mapping it to the application (GET
 * {@code /console/%2F}): rendered here, outside the console's controllers and filters, which never
 * see it, with the console's headers ({@link ConsoleHeaders#of}) and language
 * ({@link ConsoleLanguage#inConsole}).
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
        if (!"GET".equals(request.getMethod()) || !ConsoleGuard.isConsole(path)) {
            return Optional.empty();
        }
        // A web context: the layout's links (@{/console/…}) are built from the request's context path.
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), language.inConsole(request),
                Map.of("messageKey", "console.error.unreadableAddress", "path", ConsoleGuard.ROOT));
        return Optional.of(ResponseEntity.status(status).headers(ConsoleHeaders.of(path))
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(templates.process("console/error", context)));
    }
}
