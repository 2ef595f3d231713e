package dev.passerelle.server.connections;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.server.domainconfig.DomainConfig;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * How long the user's consent lasts once they authenticated strongly on a source (docs/protocol.md
 * §3.6 {@code access_expire}, §12 "Consent / PSD2 access expiry"). PSD2 lets account information be
 * read without the user for 180 days after their last strong authentication (RTS art. 10, as
 * amended in 2022); Powens does not state its figure, so it is the domain's {@code consent.validity_days}
 * (default {@code passerelle.connections.consent-validity}, 180 days), overridden per connector uuid by
 * {@code consent-validity-by-connector}, unless the institution names the end of the consent it granted.
 */
@Component
class ConsentValidity {

    private final ConnectionsProperties properties;
    private final DomainConfig config;
    private final ConnectionKeys keys;

    ConsentValidity(ConnectionsProperties properties, DomainConfig config, ConnectionKeys keys) {
        this.properties = properties;
        this.config = config;
        this.keys = keys;
    }

    /**
     * When the consent the user gave on {@code connector} by authenticating at {@code at} ends: when
     * the institution said ({@code granted}, Berlin Group's {@code validUntil}), or else after the
     * configured validity.
     */
    Instant endOf(ConnectorDescriptor connector, Instant at, Instant granted) {
        return granted != null ? granted : at.plus(properties.consentValidityByConnector()
                .getOrDefault(connector.uuid().toString(), config.value(keys.consentValidity())));
    }
}
