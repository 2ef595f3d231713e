package dev.passerelle.berlingroup.transport;

import dev.passerelle.berlingroup.directory.KeyStores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/**
 * The TPP's eIDAS certificates, loaded once from the key store of {@link KeyStores}: a QSeal entry
 * signs requests, a QWAC entry is sent in a header to a bank behind a gateway that terminates TLS
 * (over TLS itself, the runtime's client presents it: {@code BerlinGroupProvider#settings}). Entries
 * are named by alias in the bank directory; an alias missing from the key store, or an entry without
 * its private key, is a configuration error reported at start-up.
 */
public final class TppCredentials {

    private final KeyStore keyStore;
    private final char[] keyPassword;

    private TppCredentials(KeyStore keyStore, char[] keyPassword) {
        this.keyStore = keyStore;
        this.keyPassword = keyPassword;
    }

    /** Reads the key store the configuration names, if any. */
    public static TppCredentials load(KeyStores stores) {
        KeyStore keys = stores.keyStoreFile().map(file -> read(file, stores.keyStoreType(), stores.keyStorePassword(),
                "certificates.keystore")).orElse(null);
        return new TppCredentials(keys, stores.keyStorePassword());
    }

    /** No certificates (banks' public sandboxes). */
    public static TppCredentials none() {
        return new TppCredentials(null, new char[0]);
    }

    /** Whether {@code alias} names a key entry (certificate and private key); else why not. */
    public void requireKey(String alias, String setting) {
        if (keyStore == null) {
            throw new IllegalArgumentException(setting + " names '" + alias + "' but no key store is configured");
        }
        try {
            if (!keyStore.containsAlias(alias)) {
                throw new IllegalArgumentException(setting + " names '" + alias + "', which the key store does not "
                        + "hold (it holds " + Collections.list(keyStore.aliases()) + ")");
            }
            if (!keyStore.isKeyEntry(alias) || !(keyStore.getCertificate(alias) instanceof X509Certificate)) {
                throw new IllegalArgumentException(setting + " names '" + alias + "', which is not a private key "
                        + "with its X.509 certificate");
            }
            keyStore.getKey(alias, keyPassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + " names '" + alias + "', whose key cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The certificate of an entry. */
    public X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) Objects.requireNonNull(keyStore.getCertificate(alias), alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key of an entry. */
    PrivateKey privateKey(String alias) {
        try {
            return (PrivateKey) keyStore.getKey(alias, keyPassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore read(Path file, String type, char[] password, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + " (" + file + ") cannot be read as " + type + ": "
                    + e.getMessage(), e);
        }
    }
}
