package dev.passerelle.berlingroup.transport;

import dev.passerelle.berlingroup.directory.KeyStores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TPP's eIDAS certificates and the authorities it trusts, loaded once from {@link KeyStores}: a
 * QWAC entry makes the TLS context a bank is reached with (mutual TLS), a QSeal entry signs requests.
 * Entries are named by alias in the bank directory; an alias missing from the key store, or an entry
 * without its private key, is a configuration error reported at start-up.
 */
public final class TppCredentials {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private final KeyStore keyStore;
    private final char[] keyPassword;
    private final List<X509Certificate> trusted;

    private TppCredentials(KeyStore keyStore, char[] keyPassword, List<X509Certificate> trusted) {
        this.keyStore = keyStore;
        this.keyPassword = keyPassword;
        this.trusted = List.copyOf(trusted);
    }

    /** Reads the key store and trust store the configuration names; none named: the JDK's trust only. */
    public static TppCredentials load(KeyStores stores) {
        KeyStore keys = stores.keyStoreFile().map(file -> read(file, stores.keyStoreType(), stores.keyStorePassword(),
                "certificates.keystore")).orElse(null);
        List<X509Certificate> extra = stores.trustStoreFile()
                .map(file -> anchors(read(file, "PKCS12", stores.trustStorePassword(), "certificates.truststore")))
                .orElse(List.of());
        return new TppCredentials(keys, stores.keyStorePassword(), extra);
    }

    /** No certificates: plain TLS with the JDK's trust (banks' public sandboxes). */
    public static TppCredentials none() {
        return new TppCredentials(null, new char[0], List.of());
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

    /**
     * The TLS context a bank is reached with: the JDK's trusted authorities plus the configured ones,
     * and, when {@code qwacAlias} is given, that entry as the client certificate (mutual TLS).
     */
    public SSLContext tls(String qwacAlias) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = null;
            if (qwacAlias != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(only(qwacAlias), IN_MEMORY);
            }
            context.init(keys == null ? null : keys.getKeyManagers(), trustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the TLS context: " + e.getMessage(), e);
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

    /** A key store of one entry, so that the TLS stack presents exactly that certificate. */
    private KeyStore only(String alias) throws GeneralSecurityException, IOException {
        KeyStore one = KeyStore.getInstance("PKCS12");
        one.load(null, null);
        Certificate[] chain = keyStore.getCertificateChain(alias);
        one.setKeyEntry(alias, keyStore.getKey(alias, keyPassword), IN_MEMORY, chain);
        return one;
    }

    private javax.net.ssl.TrustManager[] trustManagers() throws GeneralSecurityException, IOException {
        if (trusted.isEmpty()) {
            return null;
        }
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        List<X509Certificate> all = new ArrayList<>(trusted);
        Arrays.stream(jdk.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).forEach(m -> all.addAll(Arrays.asList(m.getAcceptedIssuers())));
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        for (int i = 0; i < all.size(); i++) {
            anchors.setCertificateEntry("anchor-" + i, all.get(i));
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(anchors);
        return combined.getTrustManagers();
    }

    private static List<X509Certificate> anchors(KeyStore store) {
        try {
            List<X509Certificate> found = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    found.add(certificate);
                }
            }
            return found;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificates.truststore cannot be read: " + e.getMessage(), e);
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
