package dev.passerelle.client.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook call comes from the server (docs/webhooks.md, "Checking a call"), over the
 * raw bytes received, in constant time, against every secret the receiver holds: during a secret
 * rotation, hold the old and the new one.
 * <ul>
 *   <li>{@code Passerelle-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]}, checked first when
 *   present: one {@code v1} must be {@code HMAC-SHA256(secret, t + "." + body)} with one of the
 *   secrets (a rotation sends one per live secret), and {@code t} within the tolerance;</li>
 *   <li>{@code BI-Signature} with {@code BI-Signature-Date} (Powens' HMAC auth provider):
 *   {@code base64(HMAC-SHA256(secret, "POST." + path + "." + date + "." + body))}, {@code path}
 *   the path of the URL the endpoint was registered with, the date within the tolerance;</li>
 *   <li>{@code Authorization: Bearer <secret>} for endpoints registered with {@code auth=bearer}.</li>
 * </ul>
 * The tolerance (5 minutes by default) refuses a call replayed later; within it, deduplicate on the
 * body's {@code id_webhook_data}.
 */
public final class WebhookVerifier {

    /** Which proof a call carried. */
    public enum Scheme { PASSERELLE_SIGNATURE, BI_SIGNATURE, BEARER }

    public static final String PASSERELLE_SIGNATURE = "Passerelle-Signature";
    public static final String BI_SIGNATURE = "BI-Signature";
    public static final String BI_SIGNATURE_DATE = "BI-Signature-Date";

    private final List<byte[]> secrets;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one secret is needed");
        }
        // An empty secret (an unset environment variable read as "") would accept any call whose
        // Authorization header is empty as the bearer, and cannot key an HMAC at all.
        if (secrets.stream().anyMatch(secret -> secret == null || secret.isEmpty())) {
            throw new IllegalArgumentException("A webhook secret is missing or empty");
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** A verifier for the endpoint's secret(s): two while one is rotated out. */
    public static WebhookVerifier of(String... secrets) {
        return new WebhookVerifier(Arrays.asList(secrets), Duration.ofMinutes(5), Clock.systemUTC());
    }

    /** How far the call's time may be from this machine's clock. */
    public WebhookVerifier withTolerance(Duration value) {
        return new WebhookVerifier(secretsAsText(), value, clock);
    }

    public WebhookVerifier withClock(Clock value) {
        return new WebhookVerifier(secretsAsText(), tolerance, value);
    }

    /**
     * Checks a call from its request as received: the path of the URL it was posted to (for
     * {@code BI-Signature}), its headers (any case) and its raw body.
     *
     * @return the proof that was checked
     * @throws SignatureVerificationException when no proof is there or none checks out
     */
    public Scheme verify(String path, Map<String, List<String>> headers, byte[] body) throws SignatureVerificationException {
        Optional<String> timestamped = header(headers, PASSERELLE_SIGNATURE);
        if (timestamped.isPresent()) {
            verifyPasserelleSignature(timestamped.get(), body);
            return Scheme.PASSERELLE_SIGNATURE;
        }
        Optional<String> signature = header(headers, BI_SIGNATURE);
        if (signature.isPresent()) {
            verifyBiSignature(path, header(headers, BI_SIGNATURE_DATE).orElse(null), signature.get(), body);
            return Scheme.BI_SIGNATURE;
        }
        Optional<String> authorization = header(headers, "Authorization");
        if (authorization.isPresent()) {
            verifyBearer(authorization.get());
            return Scheme.BEARER;
        }
        throw new SignatureVerificationException("The call carries no signature");
    }

    /** {@code Passerelle-Signature}: {@code t} within the tolerance and one {@code v1} from one secret. */
    public void verifyPasserelleSignature(String header, byte[] body) throws SignatureVerificationException {
        Long t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                t = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("[0-9a-fA-F]{64}")) {
                signatures.add(HexFormat.of().parseHex(pair[1]));
            }
        }
        if (t == null || signatures.isEmpty()) {
            throw new SignatureVerificationException("Malformed Passerelle-Signature header");
        }
        checkTime(Instant.ofEpochSecond(t));
        byte[] signed = concat((t + ".").getBytes(StandardCharsets.UTF_8), body);
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (byte[] given : signatures) {
                if (MessageDigest.isEqual(expected, given)) {
                    return;
                }
            }
        }
        throw new SignatureVerificationException("No v1 signature matches a secret");
    }

    /** {@code BI-Signature} over {@code POST.<path>.<date>.<body>}, the date within the tolerance. */
    public void verifyBiSignature(String path, String date, String signature, byte[] body)
            throws SignatureVerificationException {
        if (date == null) {
            throw new SignatureVerificationException("BI-Signature without BI-Signature-Date");
        }
        try {
            checkTime(Instant.parse(date));
        } catch (DateTimeParseException e) {
            throw new SignatureVerificationException("Malformed BI-Signature-Date");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new SignatureVerificationException("Malformed BI-Signature");
        }
        byte[] signed = concat(("POST." + path + "." + date + ".").getBytes(StandardCharsets.UTF_8), body);
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(hmac(secret, signed), given)) {
                return;
            }
        }
        throw new SignatureVerificationException("BI-Signature matches no secret (is the path the registered URL's?)");
    }

    /** {@code Authorization: Bearer <secret>}. */
    public void verifyBearer(String authorization) throws SignatureVerificationException {
        byte[] given = authorization.strip().replaceFirst("(?i)^Bearer\\s+", "").getBytes(StandardCharsets.UTF_8);
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(secret, given)) {
                return;
            }
        }
        throw new SignatureVerificationException("The bearer is not a secret of the endpoint");
    }

    private void checkTime(Instant sent) throws SignatureVerificationException {
        if (Duration.between(sent, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw new SignatureVerificationException("The call was signed at " + sent + ", too far from now: a replay?");
        }
    }

    private List<String> secretsAsText() {
        return secrets.stream().map(s -> new String(s, StandardCharsets.UTF_8)).toList();
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static byte[] hmac(byte[] secret, byte[] signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
