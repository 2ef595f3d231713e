package dev.passerelle.xs2a.simulator.security;

import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading TPP certificates from headers, and checking that a chain leads to a trusted CA (PKIX, RFC 5280). */
public final class Certificates {

    private Certificates() {
    }

    /** A certificate sent in a header: base64 DER, PEM, or URL-encoded PEM (as TLS-terminating proxies forward it). */
    public static X509Certificate parse(String header, String value) {
        String text = value.trim();
        if (text.contains("%2D") || text.contains("%0A")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        String base64 = text.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw Xs2aException.of(TppMessageCode.CERTIFICATE_INVALID, header + " does not hold an X.509 certificate.");
        }
    }

    /**
     * Checks that the leaf is valid now and chains to one of {@code anchors}: CERTIFICATE_EXPIRED for a
     * leaf out of its validity, CERTIFICATE_INVALID otherwise.
     */
    public static void requireTrusted(List<X509Certificate> chain, Collection<X509Certificate> anchors, String what) {
        X509Certificate leaf = chain.getFirst();
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw Xs2aException.of(TppMessageCode.CERTIFICATE_EXPIRED, "The " + what + " is not valid at this date.");
        }
        if (anchors.isEmpty()) {
            return;
        }
        try {
            Set<TrustAnchor> trusted = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            List<X509Certificate> path = chain.stream().filter(c -> !anchors.contains(c)).toList();
            PKIXParameters parameters = new PKIXParameters(trusted);
            parameters.setRevocationEnabled(false);
            parameters.setDate(new Date());
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw Xs2aException.of(TppMessageCode.CERTIFICATE_INVALID,
                    "The " + what + " is not issued by a certificate authority this bank trusts.");
        } catch (GeneralSecurityException e) {
            throw Xs2aException.of(TppMessageCode.CERTIFICATE_INVALID, "The " + what + " cannot be checked.");
        }
    }
}
