package dev.passerelle.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC signature of a webhook call (PROTOCOL-NOTES §8.3, alternative 2): header
 * {@code BI-Signature} = base64(HMAC-SHA256(secret, "POST." + URL path + "." + BI-Signature-Date
 * + "." + body)), standard base64 with padding.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "BI-Signature";
    static final String DATE_HEADER = "BI-Signature-Date";

    private WebhookSignature() {
    }

    static String sign(String secret, String method, String path, String date, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((method + "." + path + "." + date + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
