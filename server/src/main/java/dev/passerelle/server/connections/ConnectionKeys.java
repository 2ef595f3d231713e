package dev.passerelle.server.connections;

import dev.passerelle.server.domainconfig.ConfigKey;
import dev.passerelle.server.domainconfig.ConfigKeys;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The domain configuration key of connections: {@code consent.validity_days}, how long a strong
 * authentication lets background syncs run ({@link ConsentValidity}; its default is
 * {@code passerelle.connections.consent-validity}).
 */
@Component
class ConnectionKeys implements ConfigKeys {

    private final ConfigKey<Duration> consentValidity;

    ConnectionKeys(ConnectionsProperties properties) {
        this.consentValidity = ConfigKey.period("consent.validity_days", ChronoUnit.DAYS, 1, 730,
                properties.consentValidity(),
                "Days a strong authentication lets background syncs run before the user must authenticate again "
                        + "(PSD2: 180); connectors listed in passerelle.connections.consent-validity-by-connector keep theirs");
    }

    ConfigKey<Duration> consentValidity() {
        return consentValidity;
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(consentValidity);
    }
}
