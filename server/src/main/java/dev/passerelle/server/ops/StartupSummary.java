package dev.passerelle.server.ops;

import dev.passerelle.server.auth.ConfigToken;
import dev.passerelle.server.clients.DemoClient;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.console.ConsoleStartup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The block that ends the start-up log: where the API is, its OpenAPI document and browsable
 * reference (docs/openapi.md), the demo page, where the demo client's secret and the config token are
 * (never their values), where the console is, the docs, and a first request to paste.
 * It is logged when the server starts accepting traffic, which Spring Boot announces after every
 * {@code ApplicationReadyEvent} listener (the demo client's registration among them) has run.
 * One log event per line, so that JSON logs and log-line neutralisation keep it readable.
 */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final PublicUrl publicUrl;
    private final DemoClient demoClient;
    private final ConfigToken configToken;
    private final ConsoleStartup console;
    private final AtomicBoolean logged = new AtomicBoolean();

    StartupSummary(PublicUrl publicUrl, DemoClient demoClient, ConfigToken configToken, ConsoleStartup console) {
        this.publicUrl = publicUrl;
        this.demoClient = demoClient;
        this.configToken = configToken;
        this.console = console;
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && logged.compareAndSet(false, true)) {
            lines().forEach(log::info);
        }
    }

    List<String> lines() {
        String api = publicUrl.base();
        long client = demoClient.id();
        String secret = demoClient.secretFile().map(file -> "secret in " + file)
                .orElse("secret set by PASSERELLE_DEMO_CLIENT_SECRET");
        String secretArgument = demoClient.secretFile().map(Path::toString).map(file -> "client_secret@" + file)
                .orElse("\"client_secret=$PASSERELLE_DEMO_CLIENT_SECRET\"");
        return List.of(
                "Passerelle is ready.",
                "  API           " + api,
                "  API reference " + api + "/openapi (OpenAPI 3.1 document: " + api + "/openapi.json)",
                "  Demo page     " + api + "/demo",
                "  Demo client   id " + client + ", " + secret,
                "  Config token  " + configToken.file().map(file -> "in " + file).orElse("set by PASSERELLE_CONFIG_TOKEN"),
                "  Console       " + console.url() + console.firstOperatorPasswordFile()
                        .map(file -> " (operator " + ConsoleStartup.FIRST_OPERATOR + ", password in " + file + ")").orElse(""),
                "  Docs          README.md and docs/ in the source tree (operations: docs/operations.md)",
                "  First user    curl -s -X POST " + api + "/auth/init -d client_id=" + client
                        + " --data-urlencode " + secretArgument);
    }
}
