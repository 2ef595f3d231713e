package dev.passerelle.xs2a.simulator;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTPS for the simulator: its server key (a PKCS#12 key store, or one generated at start under a CA
 * of its own, see {@link Xs2aSimulator#serverCertificateAuthority()}), and whether the TPP must present a
 * certificate (mutual TLS, QWAC-like) that chains to one of {@code clientTrustAnchors}.
 *
 * @param certificateHeader when set, the TPP certificate may instead come in this request header (PEM,
 *                          URL-encoded PEM or base64 DER), as banks behind a TLS-terminating gateway take it
 */
public record TlsOptions(Path keyStore, char[] keyStorePassword, boolean clientCertificateRequired,
                         List<X509Certificate> clientTrustAnchors, String certificateHeader) {

    public TlsOptions {
        clientTrustAnchors = clientTrustAnchors == null ? List.of() : List.copyOf(clientTrustAnchors);
        if (keyStore != null) {
            Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        }
        if (clientCertificateRequired && clientTrustAnchors.isEmpty()) {
            throw new IllegalArgumentException("mutual TLS needs at least one trust anchor for TPP certificates");
        }
    }

    /** HTTPS with a server certificate generated at start. */
    public static TlsOptions generated() {
        return new TlsOptions(null, null, false, List.of(), null);
    }

    /** HTTPS with the first key entry of a PKCS#12 key store. */
    public static TlsOptions keyStore(Path file, char[] password) {
        return new TlsOptions(file, password, false, List.of(), null);
    }

    /** The same, requiring a TPP certificate that chains to one of {@code anchors}. */
    public TlsOptions requireClientCertificate(X509Certificate... anchors) {
        return new TlsOptions(keyStore, keyStorePassword, true, List.of(anchors), certificateHeader);
    }

    /** The same, also taking the TPP certificate from a request header. */
    public TlsOptions certificateHeader(String header) {
        return new TlsOptions(keyStore, keyStorePassword, clientCertificateRequired, clientTrustAnchors, header);
    }

    public Optional<Path> keyStoreFile() {
        return Optional.ofNullable(keyStore);
    }

    public Optional<String> certificateHeaderName() {
        return Optional.ofNullable(certificateHeader);
    }
}
