package dev.passerelle.server.console;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.console.*}: the administration console.
 *
 * @param operators        operators from configuration, seeded at each start (see {@link OperatorConfig})
 * @param idleTimeout      a session unused this long ends
 * @param maxSession       a session ends this long after its login whatever happens
 * @param lockoutFailures  failed logins in a row after which a login name is locked
 * @param lockoutDuration  how long it stays locked
 * @param secureCookie     {@code auto} (the default): the session cookie is {@code Secure} when the
 *                         request came over HTTPS, directly or through a trusted proxy; {@code always}; {@code never}
 */
@ConfigurationProperties("passerelle.console")
public record ConsoleProperties(List<OperatorConfig> operators, Duration idleTimeout, Duration maxSession,
                                Integer lockoutFailures, Duration lockoutDuration, SecureCookie secureCookie) {

    /** When the session cookie carries {@code Secure}. */
    public enum SecureCookie {
        AUTO, ALWAYS, NEVER
    }

    /**
     * {@code passerelle.console.operators[n].*}: an operator kept as configured at each start.
     *
     * @param password   the password, or its bcrypt hash ({@code $2a$…}, {@code $2b$…}) so that the configuration holds no secret
     * @param totpSecret the base32 TOTP key of an authenticator app, to require the second factor; blank for none
     */
    public record OperatorConfig(String login, String password, String totpSecret) {

        @Override
        public String toString() {
            return "OperatorConfig[" + login + "]"; // never the password or the key
        }
    }

    public ConsoleProperties {
        operators = operators == null ? List.of() : List.copyOf(operators);
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
        maxSession = maxSession == null ? Duration.ofHours(12) : maxSession;
        lockoutFailures = lockoutFailures == null ? 5 : lockoutFailures;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        secureCookie = secureCookie == null ? SecureCookie.AUTO : secureCookie;
    }
}
