package dev.passerelle.berlingroup.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signs a request with the TPP's QSeal, as the implementation guidelines' "Signing Messages at
 * Application Layer" (after draft-cavage-http-signatures-10, with the errata: lower-case header
 * names, no {@code Date}) asks: {@code Digest} of the exact body bytes (the empty body too),
 * {@code Signature} over {@code digest}, {@code x-request-id} and, whenever the request carries them,
 * {@code psu-id}, {@code psu-corporate-id} and {@code tpp-redirect-uri}, and the certificate in
 * {@code TPP-Signature-Certificate}.
 */
final class RequestSigner {

    /** Signed when present; {@code digest} and {@code x-request-id} always are. */
    private static final List<String> CONDITIONAL = List.of("psu-id", "psu-corporate-id", "tpp-redirect-uri");

    private final PrivateKey key;
    private final String keyId;
    private final String certificate;
    private final String algorithm;
    private final String jcaAlgorithm;

    RequestSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        // keyId: the certificate's serial number in hexadecimal and its issuer's distinguished name.
        this.keyId = "SN=" + certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT) + ",CA="
                + certificate.getIssuerX500Principal().getName();
        try {
            this.certificate = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The QSeal certificate cannot be encoded", e);
        }
        boolean ec = "EC".equals(key.getAlgorithm());
        this.algorithm = ec ? "ecdsa-sha256" : "rsa-sha256";
        this.jcaAlgorithm = ec ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /**
     * The headers to add to a request that already carries {@code headers}.
     *
     * @param headers the request's headers (any case), {@code X-Request-ID} among them
     * @param body    the exact bytes sent, empty for none
     */
    Map<String, String> sign(Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
        lower.put("digest", digest);
        List<String> signed = new ArrayList<>(List.of("digest", "x-request-id"));
        CONDITIONAL.stream().filter(lower::containsKey).forEach(signed::add);
        String signingString = signed.stream().map(name -> name + ": " + lower.get(name))
                .collect(Collectors.joining("\n"));
        Map<String, String> added = new LinkedHashMap<>();
        added.put("Digest", digest);
        added.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"" + algorithm + "\",headers=\""
                + String.join(" ", signed) + "\",signature=\"" + signature(signingString) + "\"");
        added.put("TPP-Signature-Certificate", certificate);
        return added;
    }

    private String signature(String signingString) {
        try {
            Signature signer = Signature.getInstance(jcaAlgorithm);
            signer.initSign(key);
            signer.update(signingString.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the QSeal key: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
