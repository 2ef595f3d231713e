package dev.passerelle.xs2a.simulator.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A private key with its certificate chain (leaf first): a server certificate, a TPP QWAC or QSealC.
 * Writes itself as a PKCS#12 key store, PEM or base64 DER, and gives a client {@link SSLContext}.
 */
public record Credential(PrivateKey privateKey, List<X509Certificate> chain) {

    public static final String ALIAS = "key";

    public Credential {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** A PKCS#12 key store holding the key under alias {@value #ALIAS}, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        return keyStore(Map.of(ALIAS, this), password);
    }

    public Path writePkcs12(Path file, char[] password) {
        return writePkcs12(file, password, Map.of(ALIAS, this));
    }

    /**
     * Writes one PKCS#12 key store holding several credentials, each under its alias, as a TPP keeps its
     * QWAC and QSeal together.
     */
    public static Path writePkcs12(Path file, char[] password, Map<String, Credential> entries) {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore(entries, password).store(out, password);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keyStore(Map<String, Credential> entries, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, Credential> entry : entries.entrySet()) {
                store.setKeyEntry(entry.getKey(), entry.getValue().privateKey(), password,
                        entry.getValue().chain().toArray(Certificate[]::new));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a PKCS#12 key store", e);
        }
    }

    /** The certificate in base64 DER: the value of a {@code TPP-Signature-Certificate} header. */
    public String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificatePem() {
        return TestPki.pem(certificate());
    }

    /** A client TLS context presenting this credential and trusting {@code serverAnchors}. */
    public SSLContext clientSslContext(X509Certificate... serverAnchors) {
        try {
            char[] password = "changeit".toCharArray();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), TestPki.trustManagers(serverAnchors), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
