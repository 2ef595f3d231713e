package dev.passerelle.server.webauth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.webauth.*}.
 *
 * @param flowLifetime how long the user may take at the institution before its callback is refused
 */
@ConfigurationProperties("passerelle.webauth")
public record WebauthProperties(Duration flowLifetime) {

    public WebauthProperties {
        flowLifetime = flowLifetime == null ? Duration.ofMinutes(30) : flowLifetime;
    }
}
