package dev.passerelle.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of a webhook call, all HMAC-SHA256 of the raw body with an endpoint secret.
 * <ul>
 *   <li>{@code BI-Signature} (docs/protocol.md §8.3, alternative 2): base64 of the HMAC of
 *   {@code "POST." + URL path + "." + BI-Signature-Date + "." + body}, standard base64 with padding;</li>
 *   <li>{@code Passerelle-Signature}: {@code t=<unix seconds>,v1=<hex HMAC of t + "." + body>}, one
 *   {@code v1} per live secret, so that a receiver keeps verifying while a secret is rotated out
 *   (the scheme of Stripe's {@code Stripe-Signature}).</li>
 * </ul>
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "BI-Signature";
    static final String DATE_HEADER = "BI-Signature-Date";
    static final String TIMESTAMPED_HEADER = "Passerelle-Signature";

    private WebhookSignature() {
    }

    static String sign(String secret, String method, String path, String date, String body) {
        return Base64.getEncoder().encodeToString(hmac(secret, method + "." + path + "." + date + "." + body));
    }

    /** The {@code Passerelle-Signature} value for a call sent at {@code epochSecond}. */
    static String timestamped(List<String> secrets, long epochSecond, String body) {
        return "t=" + epochSecond + secrets.stream()
                .map(secret -> ",v1=" + HexFormat.of().formatHex(hmac(secret, epochSecond + "." + body)))
                .collect(Collectors.joining());
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
