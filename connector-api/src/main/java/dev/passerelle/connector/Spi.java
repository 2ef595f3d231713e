package dev.passerelle.connector;

/**
 * The version of this service-provider interface. A connector names the version it was written for
 * in its {@link ConnectorDescriptor}; the server runs only connectors of its own version and says
 * so at start-up for the others, instead of failing on the first call.
 *
 * <p>Version 2 (this one) replaced positional data records with builders, free-text types with
 * enums that keep the institution's own word, gave every call a writable session and typed
 * interruptions, and split optional abilities into capability interfaces.
 */
public final class Spi {

    /** Pass this constant to {@link ConnectorDescriptor.Builder#spiVersion(int)}: javac copies its value into the connector. */
    public static final int VERSION = 2;

    private Spi() {
    }
}
