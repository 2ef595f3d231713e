package dev.passerelle.xs2a.simulator;

import dev.passerelle.xs2a.simulator.pki.Credential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** A TPP-side signer for the tests: the Berlin Group's Digest + Signature (draft-cavage) headers. */
final class HttpSignatures {

    private static final List<String> SIGNED = List.of("digest", "x-request-id", "psu-id", "psu-corporate-id",
            "tpp-redirect-uri");

    private HttpSignatures() {
    }

    static Map<String, String> sign(Credential qseal, byte[] body, Map<String, String> headers) {
        try {
            Map<String, String> lower = new LinkedHashMap<>();
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
            String digest = "SHA-256=" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(body));
            lower.put("digest", digest);
            List<String> names = new ArrayList<>();
            StringJoiner signingString = new StringJoiner("\n");
            for (String name : SIGNED) {
                if (lower.containsKey(name)) {
                    names.add(name);
                    signingString.add(name + ": " + lower.get(name));
                }
            }
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(qseal.privateKey());
            signer.update(signingString.toString().getBytes(StandardCharsets.UTF_8));
            String keyId = "SN=" + qseal.certificate().getSerialNumber().toString(16).toUpperCase(Locale.ROOT)
                    + ",CA=" + qseal.certificate().getIssuerX500Principal().getName();
            Map<String, String> added = new LinkedHashMap<>();
            added.put("Digest", digest);
            added.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\""
                    + String.join(" ", names) + "\",signature=\""
                    + Base64.getEncoder().encodeToString(signer.sign()) + "\"");
            added.put("TPP-Signature-Certificate", qseal.certificateBase64());
            return added;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
