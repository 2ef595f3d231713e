package dev.passerelle.server.clients;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.crypto.Secrets;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the demo client application at start-up ({@link DemoClientProperties}). Without a
 * configured secret, one is generated once into the owner-only file
 * {@code <data-dir>/demo-client-secret} and reused on later starts. The start-up summary names the
 * file ({@link #secretFile()}): the secret itself is never logged.
 */
@Component
public class DemoClient {

    static final String SECRET_FILE = "demo-client-secret";
    private static final int SECRET_BYTES = 32;

    private final DemoClientProperties properties;
    private final ClientApplications clients;
    private final DataDirectory dataDirectory;

    public DemoClient(DemoClientProperties properties, ClientApplications clients, DataDirectory dataDirectory) {
        this.properties = properties;
        this.clients = clients;
        this.dataDirectory = dataDirectory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        seed();
    }

    /** Registers (or refreshes) the demo client. */
    void seed() {
        String secret = properties.secret().isBlank()
                ? dataDirectory.secret(SECRET_FILE, () -> Secrets.random(SECRET_BYTES))
                : properties.secret();
        clients.register(properties.id(), properties.name(), secret, properties.redirectUris());
    }

    /** The demo client's {@code client_id}. */
    public long id() {
        return properties.id();
    }

    /** The owner-only file holding the generated secret; empty when the secret is configured instead. */
    public Optional<Path> secretFile() {
        return properties.secret().isBlank() ? Optional.of(dataDirectory.secretPath(SECRET_FILE)) : Optional.empty();
    }
}
