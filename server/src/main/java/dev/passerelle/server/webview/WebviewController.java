package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplications;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.ObjectMapper;

/**
 * The hosted Connect webview (docs/webview.md): {@code /webview/[{lang}/]{connect|reconnect|manage}}.
 * The URL is checked here, before any page is served ({@link WebviewLaunch}); a refused URL gets an
 * error page and never a redirect. The page is a template whose script drives the public REST API
 * (sources under {@code src/main/webview}, bundled into {@code static/webview/webview.js}).
 */
@Hidden
@Controller
class WebviewController {

    private final ClientApplications clients;
    private final WebviewReturn webauthReturn;
    private final WebviewDefaults defaults;
    private final WebviewPages pages;
    private final WebviewMessages words;
    private final WebviewAssets assets;
    private final WebviewRefusalPages refusals;
    private final ObjectMapper json;

    WebviewController(ClientApplications clients, WebviewReturn webauthReturn, WebviewDefaults defaults,
                      WebviewPages pages, WebviewMessages words, WebviewAssets assets, WebviewRefusalPages refusals,
                      ObjectMapper json) {
        this.clients = clients;
        this.webauthReturn = webauthReturn;
        this.defaults = defaults;
        this.pages = pages;
        this.words = words;
        this.assets = assets;
        this.refusals = refusals;
        this.json = json;
    }

    /**
     * The return from a web authentication ({@link WebviewReturn}): the same page, whose script finds
     * the flow to continue in the tab's storage. It speaks the browser's language until it does.
     */
    @GetMapping(WebviewReturn.PATH)
    ResponseEntity<String> afterBank(HttpServletRequest request) {
        WebviewLanguage lang = WebviewLanguage.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return page(request, "return", lang, Map.of("flow", "return", "lang", lang.code(), "apiBase", request.getContextPath()),
                null, null);
    }

    /** Without a language in the URL, the browser's (Powens redirects the same way, docs/protocol.md §10.1). */
    @GetMapping("/webview/{flow:connect|reconnect|manage}")
    ResponseEntity<String> inBrowserLanguage(@PathVariable String flow, HttpServletRequest request) {
        return page(null, flow, request);
    }

    @GetMapping("/webview/{lang}/{flow}")
    ResponseEntity<String> page(@PathVariable String lang, @PathVariable String flow, HttpServletRequest request) {
        WebviewLanguage language = WebviewLanguage.resolve(lang, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Optional<WebviewFlow> known = WebviewFlow.of(flow);
        if (known.isEmpty()) {
            return refusals.refused(request, HttpStatus.NOT_FOUND, language, "webview.notFound.title", "webview.notFound.message");
        }
        try {
            WebviewLaunch launch = WebviewLaunch.check(known.get(), language, request.getParameterMap(), clients, defaults);
            return page(request, flow, language, launch.config(request.getContextPath(), webauthReturn.url()),
                    launch.integratorOrigin().orElse(null), ClientBrand.of(clients, launch.clientId()));
        } catch (WebviewRefused e) {
            return refusals.refused(request, HttpStatus.BAD_REQUEST, language, "webview.refused.title", e.refusal().key());
        }
    }

    private ResponseEntity<String> page(HttpServletRequest request, String flow, WebviewLanguage lang,
                                        Map<String, Object> config, String frameAncestor, ClientBrand brand) {
        return pages.render(HttpStatus.OK, "page", lang, Map.of("flow", flow, "links", assets.links(request),
                "config", json.writeValueAsString(config), "messages", words.forScripts(lang)), frameAncestor, brand);
    }
}
