package dev.passerelle.server.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.auth.*}.
 *
 * @param tokenCacheTtl how long a token's resolution is reused without asking the database
 *                      (docs/auth.md "Token cache"); {@code 0} asks at every request. A revocation on
 *                      this instance applies at once; one on another instance within this time.
 */
@ConfigurationProperties("passerelle.auth")
public record AuthProperties(Duration tokenCacheTtl) {

    public AuthProperties {
        tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(5) : tokenCacheTtl;
        if (tokenCacheTtl.isNegative()) {
            throw new IllegalArgumentException("passerelle.auth.token-cache-ttl must not be negative");
        }
    }
}
