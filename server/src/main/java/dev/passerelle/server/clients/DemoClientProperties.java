package dev.passerelle.server.clients;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.demo-client.*}: the client application registered at start-up so that a fresh
 * server can be tried at once.
 *
 * @param id           numeric {@code client_id}
 * @param name         display name
 * @param secret       the client secret; blank means "generate one into the data directory"
 * @param redirectUris redirect URIs whitelisted besides this server's own demo callback (comma-separated
 *                     in the environment)
 */
@ConfigurationProperties("passerelle.demo-client")
public record DemoClientProperties(Long id, String name, String secret, List<String> redirectUris) {

    public DemoClientProperties {
        id = id == null ? 10000001L : id;
        name = name == null || name.isBlank() ? "Demo application" : name;
        secret = secret == null ? "" : secret;
        redirectUris = redirectUris == null ? List.of() : redirectUris.stream().filter(uri -> !uri.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "DemoClientProperties[id=" + id + ", name=" + name + ", redirectUris=" + redirectUris + "]";
    }
}
