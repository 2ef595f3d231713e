package dev.passerelle.server.webview;

import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.config.PublicUrl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The page a web authentication started from the webview comes back to (docs/protocol.md §5.3):
 * {@code <public URL>/webview/return}. It is the {@code redirect_uri} the webview gives
 * {@code /webauth}, so every client accepts it ({@link ClientApplications#allowOwnPage}); it carries
 * no flow of its own and only continues one the same browser tab started, which goes on to the
 * integrator's checked redirect URI.
 */
@Component
class WebviewReturn {

    static final String PATH = "/webview/return";

    private final PublicUrl publicUrl;
    private final ClientApplications clients;

    WebviewReturn(PublicUrl publicUrl, ClientApplications clients) {
        this.publicUrl = publicUrl;
        this.clients = clients;
    }

    /** The public URL is final once the server listens (a random port in tests). */
    @EventListener(ApplicationReadyEvent.class)
    void allow() {
        clients.allowOwnPage(url());
    }

    String url() {
        return publicUrl.resolve(PATH).toString();
    }
}
