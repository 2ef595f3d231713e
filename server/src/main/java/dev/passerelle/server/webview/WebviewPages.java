package dev.passerelle.server.webview;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the webview's Thymeleaf templates ({@code templates/webview/*.html}) in one language:
 * texts come from the message bundles ({@code #{webview.…}}), values are escaped by the engine.
 * The answer carries the pages' headers ({@link PageHeaders}).
 */
@Component
class WebviewPages {

    private final ITemplateEngine templates;

    WebviewPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    ResponseEntity<String> render(HttpStatus status, String template, WebviewLanguage lang, Map<String, Object> values,
                                  String frameAncestor) {
        return render(status, template, lang, values, frameAncestor, null);
    }

    /** A page presented as {@code brand}'s client application (null: the webview's own look). */
    ResponseEntity<String> render(HttpStatus status, String template, WebviewLanguage lang, Map<String, Object> values,
                                  String frameAncestor, ClientBrand brand) {
        Context context = new Context(lang.locale(), values);
        context.setVariable("lang", lang.code());
        if (brand != null) {
            context.setVariable("branding", brand.branding());
            context.setVariable("clientName", brand.clientName());
        }
        return PageHeaders.page(status, templates.process("webview/" + template, context), frameAncestor,
                brand == null ? null : brand.logoOrigin().orElse(null));
    }
}
