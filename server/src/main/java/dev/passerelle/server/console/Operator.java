package dev.passerelle.server.console;

import dev.passerelle.server.audit.ChangedBy;
import java.time.Instant;

/**
 * A console operator. Passwords and TOTP keys are not part of it. Declare a parameter of this type
 * in a {@link ConsoleController} method for the operator signed in.
 *
 * @param fromConfig seeded from {@code passerelle.console.operators}: changed there, not in the console
 */
public record Operator(long id, String login, boolean totpEnabled, boolean fromConfig, Instant created, Instant lastLogin) {

    /** This operator as the audit log names it. */
    public ChangedBy changedBy() {
        return ChangedBy.operator(login);
    }
}
