package dev.passerelle.server.auth;

import dev.passerelle.server.config.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The domain's config (administrator) token (docs/protocol.md §1.2). From
 * {@code passerelle.config-token} ({@code PASSERELLE_CONFIG_TOKEN}) or, when unset, generated once
 * into {@code <data-dir>/config-token} (owner-only).
 */
@Component
public class ConfigToken extends DomainToken {

    static final String FILE = "config-token";

    public ConfigToken(@Value("${passerelle.config-token:}") String configured, DataDirectory dataDirectory) {
        super(configured, dataDirectory, FILE);
    }
}
