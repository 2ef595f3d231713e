package dev.passerelle.xs2a.simulator.security;

import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Application-level signatures of the Berlin Group (implementation guidelines, "Signing Messages at
 * Application Layer", after draft-cavage-http-signatures): a {@code Digest} of the body (RFC 3230,
 * SHA-256 or SHA-512), a {@code Signature} over at least {@code digest} and {@code x-request-id} (and
 * {@code psu-id}, {@code psu-corporate-id}, {@code tpp-redirect-uri} when the request has them), whose
 * {@code keyId} names the serial number and issuer of the QSealC sent in {@code TPP-Signature-Certificate}.
 * A bank that requires signatures answers SIGNATURE_MISSING to an unsigned request; a signature sent to
 * any bank is verified.
 */
public final class SignatureCheck {

    private static final List<String> ALWAYS_SIGNED = List.of("digest", "x-request-id");
    private static final List<String> SIGNED_WHEN_PRESENT = List.of("psu-id", "psu-corporate-id", "tpp-redirect-uri");

    private final boolean required;
    private final List<X509Certificate> anchors;
    private final String basePath;

    public SignatureCheck(boolean required, List<X509Certificate> anchors, String basePath) {
        this.required = required;
        this.anchors = List.copyOf(anchors);
        this.basePath = basePath;
    }

    public void check(Call call) {
        String signature = call.header("Signature").orElse(null);
        if (signature == null) {
            if (required) {
                throw Xs2aException.of(TppMessageCode.SIGNATURE_MISSING,
                        "This bank requires signed requests (Digest, Signature, TPP-Signature-Certificate).");
            }
            return;
        }
        verifyDigest(call.header("Digest").orElseThrow(() -> invalid("A signed request needs a Digest header.")),
                call.body());
        X509Certificate certificate = Certificates.parse("TPP-Signature-Certificate",
                call.header("TPP-Signature-Certificate").orElseThrow(() -> Xs2aException.of(
                        TppMessageCode.CERTIFICATE_MISSING, "A signed request needs TPP-Signature-Certificate.")));
        Certificates.requireTrusted(List.of(certificate), anchors, "signing certificate");
        Map<String, String> parameters = parameters(signature);
        checkKeyId(parameters.get("keyid"), certificate);
        List<String> headers = List.of(parameters.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).trim()
                .split("\\s+"));
        for (String name : ALWAYS_SIGNED) {
            if (!headers.contains(name)) {
                throw invalid("The signature must cover the " + name + " header.");
            }
        }
        for (String name : SIGNED_WHEN_PRESENT) {
            if (call.header(name).isPresent() && !headers.contains(name)) {
                throw invalid("The signature must cover the " + name + " header, which the request carries.");
            }
        }
        StringJoiner signingString = new StringJoiner("\n");
        for (String name : headers) {
            signingString.add(name + ": " + value(call, name));
        }
        String value = parameters.get("signature");
        if (value == null) {
            throw invalid("The Signature header has no signature parameter.");
        }
        try {
            Signature verifier = Signature.getInstance(javaAlgorithm(parameters.get("algorithm"), certificate));
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signingString.toString().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(value))) {
                throw invalid("The signature does not match the request.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("The signature cannot be verified: " + e.getMessage());
        }
    }

    private String value(Call call, String name) {
        if (name.equals("(request-target)")) {
            String query = call.rawQuery() == null || call.rawQuery().isEmpty() ? "" : "?" + call.rawQuery();
            return call.method().toLowerCase(Locale.ROOT) + " " + basePath + call.path() + query;
        }
        return call.header(name).orElseThrow(() -> invalid("The signed header " + name + " is not in the request."));
    }

    private static void verifyDigest(String header, byte[] body) {
        boolean checked = false;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String algorithm = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String expected = part.substring(eq + 1).trim();
            if (!algorithm.equals("SHA-256") && !algorithm.equals("SHA-512")) {
                continue;
            }
            try {
                String actual = Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(body));
                if (!actual.equals(expected)) {
                    throw invalid("The Digest does not match the body.");
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            checked = true;
        }
        if (!checked) {
            throw invalid("The Digest must be SHA-256=… or SHA-512=… (RFC 3230).");
        }
    }

    /** {@code keyId="SN=<hex serial>,CA=<issuer>"}: the serial must be the certificate's, the CA its issuer. */
    private static void checkKeyId(String keyId, X509Certificate certificate) {
        if (keyId == null) {
            throw invalid("The Signature header has no keyId.");
        }
        String decoded = URLDecoder.decode(keyId.replace("+", "%2B"), StandardCharsets.UTF_8);
        int sn = decoded.toUpperCase(Locale.ROOT).indexOf("SN=");
        int ca = decoded.toUpperCase(Locale.ROOT).indexOf(",CA=");
        if (sn < 0 || ca < sn) {
            throw invalid("keyId must read SN=<serial number>,CA=<issuer> of the signing certificate.");
        }
        String serial = decoded.substring(sn + 3, ca).trim();
        BigInteger actual = certificate.getSerialNumber();
        boolean serialMatches;
        try {
            serialMatches = new BigInteger(serial, 16).equals(actual) || new BigInteger(serial).equals(actual);
        } catch (NumberFormatException e) {
            serialMatches = false;
        }
        if (!serialMatches) {
            throw invalid("keyId names another certificate than TPP-Signature-Certificate (serial number).");
        }
        String issuer = decoded.substring(ca + 4).replace(" ", "").toLowerCase(Locale.ROOT);
        String expected = certificate.getIssuerX500Principal().getName().replace(" ", "").toLowerCase(Locale.ROOT);
        boolean issuerMatches = List.of(expected.split(",")).stream().allMatch(issuer::contains);
        if (!issuerMatches) {
            throw invalid("keyId names another issuer than that of TPP-Signature-Certificate.");
        }
    }

    private static String javaAlgorithm(String algorithm, X509Certificate certificate) {
        String key = certificate.getPublicKey().getAlgorithm();
        String hash = algorithm != null && algorithm.toLowerCase(Locale.ROOT).contains("512") ? "SHA512" : "SHA256";
        return switch (key) {
            case "RSA" -> hash + "withRSA";
            case "EC" -> hash + "withECDSA";
            default -> throw invalid("Unsupported key type of the signing certificate: " + key);
        };
    }

    /** The {@code name="value"} pairs of a Signature header, names lower-cased. */
    private static Map<String, String> parameters(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 0;
        while (i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).trim().replaceFirst("^,", "").trim().toLowerCase(Locale.ROOT);
            int start = eq + 1;
            String value;
            if (start < header.length() && header.charAt(start) == '"') {
                int end = header.indexOf('"', start + 1);
                if (end < 0) {
                    throw invalid("The Signature header is malformed (unclosed quote).");
                }
                value = header.substring(start + 1, end);
                i = end + 1;
            } else {
                int end = header.indexOf(',', start);
                end = end < 0 ? header.length() : end;
                value = header.substring(start, end).trim();
                i = end;
            }
            parameters.put(name, value);
            while (i < header.length() && (header.charAt(i) == ',' || Character.isWhitespace(header.charAt(i)))) {
                i++;
            }
        }
        return parameters;
    }

    private static Xs2aException invalid(String text) {
        return Xs2aException.of(TppMessageCode.SIGNATURE_INVALID, text);
    }
}
