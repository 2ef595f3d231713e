package dev.passerelle.server.clients;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.crypto.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the demo client application at start-up ({@link DemoClientProperties}). Without a
 * configured secret, one is generated once into the owner-only file
 * {@code <data-dir>/demo-client-secret} and reused on later starts. The start-up summary names the
 * file ({@link #secretFile()}): the secret itself is never logged. Once an operator changed the
 * demo client through the API or the console, or deleted it, the configuration no longer applies to
 * it, and the log says so.
 */
@Component
public class DemoClient {

    private static final Logger log = LoggerFactory.getLogger(DemoClient.class);

    static final String SECRET_FILE = "demo-client-secret";
    /** The demo's callback page under the API root ({@code /demo/callback}). */
    public static final String CALLBACK_PATH = "/demo/callback";
    private static final int SECRET_BYTES = 32;

    private final DemoClientProperties properties;
    private final ClientApplications clients;
    private final DataDirectory dataDirectory;
    private final PublicUrl publicUrl;

    public DemoClient(DemoClientProperties properties, ClientApplications clients, DataDirectory dataDirectory,
                      PublicUrl publicUrl) {
        this.properties = properties;
        this.clients = clients;
        this.dataDirectory = dataDirectory;
        this.publicUrl = publicUrl;
    }

    /** Once the server listens: the public URL is final (a random port in tests). */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        seed(publicUrl.base());
    }

    /**
     * Registers (or refreshes) the demo client. Its whitelist always holds this server's own demo
     * callback ({@code <apiRoot>/demo/callback}, on whatever host and port the server is reached),
     * plus the configured redirect URIs.
     */
    void seed(String apiRoot) {
        List<String> redirectUris = Stream.concat(Stream.of(apiRoot + CALLBACK_PATH), properties.redirectUris().stream())
                .distinct().toList();
        String secret = properties.secret().isBlank()
                ? dataDirectory.secret(SECRET_FILE, () -> Secrets.random(SECRET_BYTES))
                : properties.secret();
        switch (clients.register(properties.id(), properties.name(), secret, redirectUris)) {
            case CREATED, REFRESHED -> { }
            case KEPT_AS_CHANGED -> log.info("Demo client {} was changed through the configuration API or the console: "
                    + "passerelle.demo-client.* no longer applies to it", properties.id());
            case DELETED -> log.info("Demo client {} was deleted through the configuration API or the console: "
                    + "passerelle.demo-client.* no longer applies to it", properties.id());
        }
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
