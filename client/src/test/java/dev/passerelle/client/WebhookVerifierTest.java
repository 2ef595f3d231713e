package dev.passerelle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.webhooks.SignatureVerificationException;
import dev.passerelle.client.webhooks.WebhookVerifier;
import dev.passerelle.client.webhooks.WebhookVerifier.Scheme;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The verifier against calls signed as docs/webhooks.md describes (the server's own signatures are
 * checked in {@link WebhooksTest}): rotation, tolerance, tampering, the three schemes.
 */
class WebhookVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T18:41:10Z");
    private static final byte[] BODY = "{\"id\":42,\"id_webhook_data\":7,\"label\":\"é\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = WebhookVerifier.of("old-secret", "new-secret")
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void passerelleSignatureWithOneV1PerLiveSecretIsAccepted() throws Exception {
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + v1("other", NOW) + ",v1=" + v1("new-secret", NOW);

        assertThat(verifier.verify("/hooks", Map.of("passerelle-signature", List.of(header)), BODY))
                .isEqualTo(Scheme.PASSERELLE_SIGNATURE);
    }

    @Test
    void passerelleSignatureOfATamperedBodyIsRefused() throws Exception {
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + v1("old-secret", NOW);
        byte[] tampered = "{\"id\":43}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verifyPasserelleSignature(header, tampered))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void signatureOutsideTheToleranceIsRefusedAsAReplay() throws Exception {
        Instant then = NOW.minus(Duration.ofMinutes(6));
        String header = "t=" + then.getEpochSecond() + ",v1=" + v1("old-secret", then);

        assertThatThrownBy(() -> verifier.verifyPasserelleSignature(header, BODY))
                .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("replay");
        assertThat(catchVerified(verifier.withTolerance(Duration.ofMinutes(10)), header)).isTrue();
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String header : List.of("", "t=abc,v1=00", "v1=" + "a".repeat(64), "t=1", "t=" + NOW.getEpochSecond() + ",v1=xyz")) {
            assertThatThrownBy(() -> verifier.verifyPasserelleSignature(header, BODY))
                    .as(header).isInstanceOf(SignatureVerificationException.class);
        }
    }

    @Test
    void biSignatureOverThePathAndDateIsAccepted() throws Exception {
        String date = "2026-11-24T18:41:09.123456Z";
        String signature = biSignature("old-secret", "/powens/webhooks", date);

        assertThat(verifier.verify("/powens/webhooks", Map.of("BI-Signature", List.of(signature),
                "BI-Signature-Date", List.of(date)), BODY)).isEqualTo(Scheme.BI_SIGNATURE);
        assertThatThrownBy(() -> verifier.verifyBiSignature("/other/path", date, signature, BODY))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> verifier.verifyBiSignature("/powens/webhooks", null, signature, BODY))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void bearerMustBeOneOfTheSecrets() throws Exception {
        assertThat(verifier.verify("/x", Map.of("Authorization", List.of("Bearer new-secret")), BODY)).isEqualTo(Scheme.BEARER);
        assertThatThrownBy(() -> verifier.verifyBearer("Bearer guess")).isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void unsignedCallIsRefused() {
        assertThatThrownBy(() -> verifier.verify("/x", Map.of(), BODY)).isInstanceOf(SignatureVerificationException.class);
    }

    private boolean catchVerified(WebhookVerifier lenient, String header) {
        try {
            lenient.verifyPasserelleSignature(header, BODY);
            return true;
        } catch (SignatureVerificationException e) {
            return false;
        }
    }

    private static String v1(String secret, Instant at) throws GeneralSecurityException {
        return HexFormat.of().formatHex(hmac(secret, (at.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8))));
    }

    private static String biSignature(String secret, String path, String date) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(hmac(secret, "POST." + path + "." + date + "." + new String(BODY,
                StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String secret, String signed) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptySecretIsRefusedWhenTheVerifierIsMade() {
        assertThatThrownBy(() -> WebhookVerifier.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing or empty");
        assertThatThrownBy(() -> WebhookVerifier.of("whsec-old", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing or empty");
    }
}
