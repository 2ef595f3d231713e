package dev.passerelle.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What an integrator writes to check a call (docs/webhooks.md), independent of the server's code. */
final class WebhookVerifier {

    private WebhookVerifier() {
    }

    /** {@code BI-Signature}: base64 HMAC of {@code POST.<path>.<date>.<body>}. */
    static boolean biSignature(String secret, String path, String date, String body, String signature) {
        return MessageDigest.isEqual(hmac(secret, "POST." + path + "." + date + "." + body),
                Base64.getDecoder().decode(signature));
    }

    /**
     * {@code Passerelle-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]}: true when one {@code v1} is the HMAC
     * of {@code t.body} with {@code secret} and {@code t} is within {@code tolerance} of {@code now}.
     */
    static boolean timestamped(String header, String body, String secret, Instant now, Duration tolerance) {
        List<String[]> parts = Arrays.stream(header.split(",")).map(p -> p.split("=", 2)).toList();
        String t = parts.stream().filter(p -> p[0].equals("t")).map(p -> p[1]).findFirst().orElse(null);
        if (t == null || !t.matches("\\d+")
                || Duration.between(Instant.ofEpochSecond(Long.parseLong(t)), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmac(secret, t + "." + body);
        return parts.stream().filter(p -> p[0].equals("v1") && p[1].matches("[0-9a-f]{64}"))
                .anyMatch(p -> MessageDigest.isEqual(expected, HexFormat.of().parseHex(p[1])));
    }

    /** How many {@code v1} signatures the header carries. */
    static long signatureCount(String header) {
        return Arrays.stream(header.split(",")).filter(p -> p.startsWith("v1=")).count();
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
