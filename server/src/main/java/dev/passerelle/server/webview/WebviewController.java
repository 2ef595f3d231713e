package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplications;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.ObjectMapper;

/**
 * The hosted Connect webview (PROTOCOL-NOTES §10): {@code /webview/{lang}/{connect|reconnect|manage}}.
 * The URL is checked here, before any page is served ({@link WebviewLaunch}); a refused URL gets an
 * error page and never a redirect. The page itself is static HTML whose script drives the public
 * REST API with the user's code as bearer (files under {@code static/webview/}).
 */
@Controller
class WebviewController {

    private final ClientApplications clients;
    private final WebviewReturn webauthReturn;
    private final ObjectMapper json;
    private final HtmlTemplate page = HtmlTemplate.load("webview/page.html");
    private final HtmlTemplate refused = HtmlTemplate.load("webview/refused.html");

    WebviewController(ClientApplications clients, WebviewReturn webauthReturn, ObjectMapper json) {
        this.clients = clients;
        this.webauthReturn = webauthReturn;
        this.json = json;
    }

    /**
     * The return from a web authentication ({@link WebviewReturn}): the same page, whose script finds
     * the flow to continue in the tab's storage. It speaks the browser's language until it does.
     */
    @GetMapping(WebviewReturn.PATH)
    ResponseEntity<String> afterBank(HttpServletRequest request) {
        String lang = "fr".equals(request.getLocale().getLanguage()) ? "fr" : "en";
        Map<String, Object> config = Map.of("flow", "return", "lang", lang, "apiBase", request.getContextPath());
        return PageHeaders.page(HttpStatus.OK, page.render(Map.of("lang", lang, "flow", "return",
                "static", assets(request), "config", json.writeValueAsString(config))), null);
    }

    @GetMapping("/webview/{lang}/{flow}")
    ResponseEntity<String> page(@PathVariable String lang, @PathVariable String flow, HttpServletRequest request) {
        Optional<WebviewLanguage> language = WebviewLanguage.of(lang);
        Optional<WebviewFlow> known = WebviewFlow.of(flow);
        if (language.isEmpty() || known.isEmpty()) {
            return PageHeaders.page(HttpStatus.NOT_FOUND, refused.render(Map.of("lang", "en", "static", assets(request),
                    "title", "Page not found",
                    "message", "The webview is at /webview/{fr|en}/{connect|reconnect|manage}.")), null);
        }
        try {
            WebviewLaunch launch = WebviewLaunch.check(known.get(), language.get(), request.getParameterMap(), clients);
            String config = json.writeValueAsString(launch.config(request.getContextPath(), webauthReturn.url()));
            return PageHeaders.page(HttpStatus.OK, page.render(Map.of("lang", lang, "flow", flow,
                    "static", assets(request), "config", config)),
                    launch.integratorOrigin().orElse(null));
        } catch (WebviewRefused e) {
            WebviewLanguage in = language.get();
            return PageHeaders.page(HttpStatus.BAD_REQUEST, refused.render(Map.of("lang", lang, "static", assets(request),
                    "title", in == WebviewLanguage.FR ? "Lien invalide" : "Invalid link",
                    "message", e.refusal().message(in))), null);
        }
    }

    private static String assets(HttpServletRequest request) {
        return request.getContextPath() + "/webview";
    }
}
