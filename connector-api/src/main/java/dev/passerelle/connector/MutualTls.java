package dev.passerelle.connector;

import java.util.List;

/**
 * The settings by which an operator gives a connector the certificate it presents to its
 * institution over mutual TLS (a PSD2 QWAC, a client certificate an institution issued). A connector
 * whose institution wants one declares {@link #settings()} among its own; the server's
 * {@link InstitutionHttp} then presents the configured key over TLS and trusts the configured
 * authorities on top of the JDK's. Nothing else is needed in the connector: it never reads the key.
 */
public final class MutualTls {

    /** A PKCS#12 key store holding the client certificate and its private key. */
    public static final String KEY_STORE = "tls-key-store";
    /** The key store's password (also the key's). */
    public static final String KEY_STORE_PASSWORD = "tls-key-store-password";
    /** Which entry of the key store to present, when it holds several. */
    public static final String KEY_ALIAS = "tls-key-alias";
    /** A PKCS#12 store of certificate authorities to trust besides the JDK's (an institution's sandbox CA). */
    public static final String TRUST_STORE = "tls-trust-store";
    /** The trust store's password. */
    public static final String TRUST_STORE_PASSWORD = "tls-trust-store-password";

    private MutualTls() {
    }

    /** The five settings, all optional: without a key store, no certificate is presented. */
    public static List<SettingSpec> settings() {
        return List.of(
                SettingSpec.of(KEY_STORE, SettingSpec.Type.FILE, "PKCS#12 key store of the client certificate "
                        + "presented to the institution over mutual TLS"),
                SettingSpec.of(KEY_STORE_PASSWORD, SettingSpec.Type.SECRET, "password of the key store and its key"),
                SettingSpec.of(KEY_ALIAS, SettingSpec.Type.TEXT, "the key store entry to present, when it holds several"),
                SettingSpec.of(TRUST_STORE, SettingSpec.Type.FILE, "PKCS#12 store of certificate authorities to trust "
                        + "besides the JDK's"),
                SettingSpec.of(TRUST_STORE_PASSWORD, SettingSpec.Type.SECRET, "password of the trust store"));
    }
}
