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
 * @param redirectUris whitelisted redirect URIs (comma-separated in the environment)
 */
@ConfigurationProperties("passerelle.demo-client")
public record DemoClientProperties(Long id, String name, String secret, List<String> redirectUris) {

    public DemoClientProperties {
        id = id == null ? 10000001L : id;
        name = name == null || name.isBlank() ? "Demo application" : name;
        secret = secret == null ? "" : secret;
        redirectUris = redirectUris == null ? List.of("http://localhost:8080/2.0/demo/callback") : List.copyOf(redirectUris);
    }

    @Override
    public String toString() {
        return "DemoClientProperties[id=" + id + ", name=" + name + ", redirectUris=" + redirectUris + "]";
    }
}
