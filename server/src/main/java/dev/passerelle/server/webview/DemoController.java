package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.DemoClient;
import dev.passerelle.server.clients.DemoClientProperties;
import dev.passerelle.server.config.PublicUrl;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /demo}: a plain page that plays the integrator for the demo client, starting the Connect
 * webview (docs/protocol.md §10), and {@code /demo/callback}, which shows what the webview sent back.
 * No secret is involved: without {@code code} the webview creates the user, and the temporary code
 * it returns is enough to open the manage and reconnect flows from the callback page. The pages
 * are for integrators, in English.
 */
@Hidden
@Controller
class DemoController {

    private final DemoClientProperties demo;
    private final ClientApplications clients;
    private final PublicUrl publicUrl;
    private final WebviewPages pages;
    private final WebviewAssets assets;

    DemoController(DemoClientProperties demo, ClientApplications clients, PublicUrl publicUrl, WebviewPages pages,
                   WebviewAssets assets) {
        this.demo = demo;
        this.clients = clients;
        this.publicUrl = publicUrl;
        this.pages = pages;
        this.assets = assets;
    }

    @GetMapping("/demo")
    ResponseEntity<String> start(HttpServletRequest request) {
        return pages.render(HttpStatus.OK, "demo", WebviewLanguage.EN, Map.of("links", assets.links(request),
                "webview", request.getContextPath() + "/webview", "clientId", demo.id(), "redirectUri", redirectUri()), null);
    }

    @GetMapping("/demo/callback")
    ResponseEntity<String> callback(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, String.join(", ", values)));
        Map<String, Object> values = new HashMap<>();
        values.put("links", assets.links(request));
        values.put("title", params.containsKey("error") ? "The webview reported an error" : "The webview is done");
        values.put("params", params);
        values.put("demo", request.getContextPath() + "/demo");
        String code = params.get("code");
        String webview = request.getContextPath() + "/webview/en/";
        values.put("manage", code == null ? null : webviewLink(webview + "manage", code, null));
        String connection = params.get("connection_id");
        values.put("reconnect", code == null || connection == null ? null : webviewLink(webview + "reconnect", code, connection));
        return pages.render(HttpStatus.OK, "demo-callback", WebviewLanguage.EN, values, null);
    }

    /** A webview link for the user the callback's code names: manage their connections, or fix one. */
    private String webviewLink(String path, String code, String connectionId) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path)
                .queryParam("client_id", demo.id()).queryParam("redirect_uri", redirectUri()).queryParam("code", code);
        if (connectionId != null) {
            link.queryParam("connection_id", connectionId);
        }
        return link.encode().build().toUriString();
    }

    /**
     * This server's own callback page, on its public URL (whitelisted for the demo client whatever
     * the host and port, {@link DemoClient}); if an operator removed it, the client's first URI.
     */
    private String redirectUri() {
        String own = publicUrl.resolve(DemoClient.CALLBACK_PATH).toString();
        List<String> whitelisted = clients.redirectUris(demo.id());
        return whitelisted.contains(own) || whitelisted.isEmpty() ? own : whitelisted.getFirst();
    }
}
