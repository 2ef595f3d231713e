package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.DemoClientProperties;
import dev.passerelle.server.webview.HtmlTemplate.Html;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /demo}: a plain page that plays the integrator for the demo client, starting the Connect
 * webview (PROTOCOL-NOTES §10), and {@code /demo/callback}, which shows what the webview sent back.
 * No secret is involved: without {@code code} the webview creates the user, and the temporary code
 * it returns is enough to open the manage and reconnect flows from the callback page.
 */
@Controller
class DemoController {

    private final DemoClientProperties demo;
    private final ClientApplications clients;
    private final HtmlTemplate start = HtmlTemplate.load("webview/demo.html");
    private final HtmlTemplate callback = HtmlTemplate.load("webview/demo-callback.html");

    DemoController(DemoClientProperties demo, ClientApplications clients) {
        this.demo = demo;
        this.clients = clients;
    }

    @GetMapping("/demo")
    ResponseEntity<String> start(HttpServletRequest request) {
        String context = request.getContextPath();
        return PageHeaders.page(HttpStatus.OK, start.render(Map.of("static", context + "/webview",
                "webview", context + "/webview", "clientId", demo.id(), "redirectUri", redirectUri())), null);
    }

    @GetMapping("/demo/callback")
    ResponseEntity<String> callback(HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        String rows = params.entrySet().stream()
                .map(p -> "<tr><th scope=\"row\">" + Html.escaped(p.getKey()).markup() + "</th><td id=\"param-"
                        + Html.escaped(p.getKey()).markup() + "\">" + Html.escaped(String.join(", ", p.getValue())).markup()
                        + "</td></tr>")
                .collect(Collectors.joining("\n"));
        boolean failed = params.containsKey("error");
        return PageHeaders.page(HttpStatus.OK, callback.render(Map.of("static", request.getContextPath() + "/webview",
                "title", failed ? "The webview reported an error" : "The webview is done",
                "rows", new Html(rows), "next", next(request, params), "demo", request.getContextPath() + "/demo")), null);
    }

    /** Links that reuse the code the callback carries: manage the user's connections, fix this one. */
    private Html next(HttpServletRequest request, Map<String, String[]> params) {
        String[] code = params.get("code");
        if (code == null || code.length == 0) {
            return new Html("");
        }
        String common = "client_id=" + enc(demo.id().toString()) + "&redirect_uri=" + enc(redirectUri())
                + "&code=" + enc(code[0]);
        String webview = request.getContextPath() + "/webview/en/";
        StringBuilder links = new StringBuilder("<ul id=\"demo-next\"><li><a id=\"open-manage\" href=\"")
                .append(Html.escaped(webview + "manage?" + common).markup()).append("\">Manage this user's connections</a></li>");
        String[] connection = params.get("connection_id");
        if (connection != null && connection.length > 0) {
            links.append("<li><a id=\"open-reconnect\" href=\"")
                    .append(Html.escaped(webview + "reconnect?" + common + "&connection_id=" + enc(connection[0])).markup())
                    .append("\">Reconnect this connection</a></li>");
        }
        return new Html(links.append("</ul>").toString());
    }

    /**
     * This server's own callback page when the demo client whitelists it (the default), otherwise
     * the client's first whitelisted URI: an operator who changed the port or the host lists theirs.
     */
    private String redirectUri() {
        String own = ServletUriComponentsBuilder.fromCurrentContextPath().path("/demo/callback").toUriString();
        List<String> whitelisted = clients.redirectUris(demo.id());
        return whitelisted.contains(own) || whitelisted.isEmpty() ? own : whitelisted.getFirst();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
