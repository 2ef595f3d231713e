package dev.passerelle.runtime;

import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.DocumentCapability;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.ProfileCapability;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.WealthCapability;

/**
 * A connector the {@link ConnectorLifecycle} started: its checked settings and the HTTP client it
 * reaches its institution with. Only the {@link ConnectorRuntime} calls it.
 */
public final class RunningConnector {

    private final Connector connector;
    private final ConnectorDescriptor descriptor;
    private final Settings settings;
    private final InstitutionHttp http;

    RunningConnector(Connector connector, Settings settings, InstitutionHttp http) {
        this.connector = connector;
        this.descriptor = connector.descriptor();
        this.settings = settings;
        this.http = http;
    }

    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    public Settings settings() {
        return settings;
    }

    InstitutionHttp http() {
        return http;
    }

    Connector connector() {
        return connector;
    }

    /** Whether {@code source} reads {@code capability}: its descriptor says so and the connector implements it. */
    public boolean reads(String source, Capability capability) {
        return descriptor.source(source).map(s -> s.has(capability)).orElse(false) && switch (capability) {
            case BANK -> true;
            case WEALTH -> connector instanceof WealthCapability;
            case DOCUMENT -> connector instanceof DocumentCapability;
            case PROFILE -> connector instanceof ProfileCapability;
        };
    }

    /** Whether the institution keeps a consent that follows the user's choices ({@link ConsentCapability}). */
    public boolean keepsConsent() {
        return connector instanceof ConsentCapability;
    }

    @Override
    public String toString() {
        return "RunningConnector[" + descriptor + "]";
    }
}
