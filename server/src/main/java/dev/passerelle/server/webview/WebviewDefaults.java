package dev.passerelle.server.webview;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.webview.clients.<client_id>.*}: what a client application's webviews do when
 * the launch URL does not say (docs/webview.md "Banks with several sources"), e.g.
 * {@code passerelle.webview.clients.10000001.sources=directaccess,openapi}. A launch parameter
 * always wins over the client's default.
 */
@ConfigurationProperties("passerelle.webview")
record WebviewDefaults(Map<Long, Client> clients) {

    WebviewDefaults {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    Client of(long clientId) {
        return clients.getOrDefault(clientId, Client.NONE);
    }

    /**
     * @param sources      the sources to chain, in priority order, before the accounts (Powens' {@code sources})
     * @param accountTypes the only account types to activate, adding only the sources needed for them
     */
    record Client(List<String> sources, List<String> accountTypes) {
        static final Client NONE = new Client(List.of(), List.of());

        Client {
            sources = sources == null ? List.of() : List.copyOf(sources);
            accountTypes = accountTypes == null ? List.of() : List.copyOf(accountTypes);
        }
    }
}
