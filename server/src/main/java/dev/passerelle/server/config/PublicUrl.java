package dev.passerelle.server.config;

import dev.passerelle.runtime.host.PublicBaseUrl;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The server's own public base URL, the API root as browsers and institutions reach it
 * ({@code passerelle.public-url}, e.g. {@code https://bank-api.example.com/2.0}). Web authentication
 * (docs/protocol.md §5) needs it to build the links it hands out and the callback institutions redirect
 * to; connectors receive it as their {@code public-url} setting. Unset, it is
 * {@code http://localhost:<port the server listens on><context path>}, known once the server listens.
 */
@Component
public class PublicUrl implements PublicBaseUrl, ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private final String contextPath;
    private volatile String listening;

    public PublicUrl(@Value("${passerelle.public-url:}") String configured,
                     @Value("${server.servlet.context-path:}") String contextPath,
                     @Value("${server.port:8080}") int port) {
        this.configured = stripTrailingSlash(configured.strip());
        this.contextPath = stripTrailingSlash(contextPath.strip());
        this.listening = local(port);
    }

    /** The real port is known only now when {@code server.port} is 0 (random, as in tests). */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // not the management server
            listening = local(event.getWebServer().getPort());
        }
    }

    @Override
    public String base() {
        return configured.isEmpty() ? listening : configured;
    }

    /** The absolute URL of {@code path} (starting with {@code /}) under the base URL. */
    public URI resolve(String path) {
        return URI.create(base() + path);
    }

    private String local(int port) {
        return "http://localhost:" + port + contextPath;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
