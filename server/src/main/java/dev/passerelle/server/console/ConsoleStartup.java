package dev.passerelle.server.console;

import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.crypto.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: seeds the operators of {@code passerelle.console.operators}, ending the sessions of
 * those whose password or TOTP key it changed, and deletes those it no longer lists; when there is no
 * operator at all, creates {@code admin} with a password generated once into the owner-only file
 * {@code <data-dir>/console-admin-password}. The start-up summary says where the console is and
 * names that file ({@link #firstOperatorPasswordFile()}); no password is logged.
 */
@Component
public class ConsoleStartup {

    public static final String FIRST_OPERATOR = "admin";
    static final String PASSWORD_FILE = "console-admin-password";
    private static final int PASSWORD_BYTES = 18;

    private final Operators operators;
    private final ConsoleSessions sessions;
    private final ConsoleProperties properties;
    private final DataDirectory dataDirectory;
    private final PublicUrl publicUrl;

    ConsoleStartup(Operators operators, ConsoleSessions sessions, ConsoleProperties properties, DataDirectory dataDirectory,
                   PublicUrl publicUrl) {
        this.operators = operators;
        this.sessions = sessions;
        this.properties = properties;
        this.dataDirectory = dataDirectory;
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        properties.operators().forEach(operator -> operators.seed(operator.login(), operator.password(), operator.totpSecret())
                .ifPresent(changed -> sessions.closeAll(changed.id())));
        operators.retireAllBut(properties.operators().stream().map(ConsoleProperties.OperatorConfig::login).toList());
        sessions.purgeEnded();
        if (!operators.any()) {
            String password = dataDirectory.secret(PASSWORD_FILE, () -> Secrets.random(PASSWORD_BYTES));
            operators.seedFirst(FIRST_OPERATOR, password);
        }
    }

    /** Where the console is. */
    public String url() {
        return publicUrl.base() + ConsoleGuard.ROOT;
    }

    /** The owner-only file of the first operator's generated password, while no operator comes from configuration. */
    public Optional<Path> firstOperatorPasswordFile() {
        Path file = dataDirectory.secretPath(PASSWORD_FILE);
        return properties.operators().isEmpty() && Files.exists(file) ? Optional.of(file) : Optional.empty();
    }
}
