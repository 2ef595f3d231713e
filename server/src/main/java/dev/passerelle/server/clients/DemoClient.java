package dev.passerelle.server.clients;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.crypto.Secrets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Registers the demo client application at start-up ({@link DemoClientProperties}). Without a
 * configured secret, one is generated once into the owner-only file
 * {@code <data-dir>/demo-client-secret} and reused on later starts. The start-up log names the file
 * and prints a curl that reads it: the secret itself is never logged.
 */
@Component
public class DemoClient {

    static final String SECRET_FILE = "demo-client-secret";
    private static final int SECRET_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(DemoClient.class);

    private final DemoClientProperties properties;
    private final ClientApplications clients;
    private final DataDirectory dataDirectory;

    public DemoClient(DemoClientProperties properties, ClientApplications clients, DataDirectory dataDirectory) {
        this.properties = properties;
        this.clients = clients;
        this.dataDirectory = dataDirectory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        seed("http://localhost:" + port + env.getProperty("server.servlet.context-path", ""));
    }

    /** Registers (or refreshes) the demo client and logs how to try it against {@code apiRoot}. */
    void seed(String apiRoot) {
        if (properties.secret().isBlank()) {
            String secret = dataDirectory.secret(SECRET_FILE, () -> Secrets.random(SECRET_BYTES));
            clients.register(properties.id(), properties.name(), secret, properties.redirectUris());
            Path file = dataDirectory.secretPath(SECRET_FILE);
            log.info("Demo client {} ('{}') is ready; its secret is in {} (owner-only). Create a user with:\n"
                            + "  curl -s -X POST {}/auth/init -d client_id={} --data-urlencode client_secret@{}",
                    properties.id(), properties.name(), file, apiRoot, properties.id(), file);
        } else {
            clients.register(properties.id(), properties.name(), properties.secret(), properties.redirectUris());
            log.info("Demo client {} ('{}') is ready with the secret set in passerelle.demo-client.secret. Create a user with:\n"
                            + "  curl -s -X POST {}/auth/init -d client_id={} --data-urlencode \"client_secret=$PASSERELLE_DEMO_CLIENT_SECRET\"",
                    properties.id(), properties.name(), apiRoot, properties.id());
        }
    }
}
