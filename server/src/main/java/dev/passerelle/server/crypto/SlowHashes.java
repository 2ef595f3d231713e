package dev.passerelle.server.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;
import org.springframework.stereotype.Component;

/**
 * Salted, slow hashes (bcrypt, OWASP Password Storage Cheat Sheet) of the secrets that are checked
 * against one stored row, never looked up by their hash: client secrets. Tokens and codes stay on
 * {@link Secrets#sha256}, as they are found by their hash and carry 256 bits or more of entropy.
 *
 * <p>The secret is first reduced to an HMAC-SHA-256 under a fixed label (base64, 44 characters):
 * bcrypt reads at most 72 bytes, and a configured secret may be longer; the label keeps the value
 * bcrypt sees unrelated to the plain SHA-256 stored by earlier versions.
 *
 * <p>A stored value weaker than today's policy, a plain SHA-256 of earlier versions or bcrypt of a
 * lower cost, still verifies, and {@link Check#RIGHT_REHASH} tells the caller to store
 * {@link #hash} of the secret in its place: each row is upgraded at its first successful use.
 */
@Component
public class SlowHashes {

    /** The outcome of {@link #check}. */
    public enum Check {
        WRONG, RIGHT, RIGHT_REHASH;

        public boolean right() {
            return this != WRONG;
        }
    }

    private static final byte[] LABEL = "passerelle client secret v1".getBytes(StandardCharsets.US_ASCII);
    private static final int LEGACY_SHA256_HEX = 64;

    private static final BCryptVersion VERSION = BCryptVersion.$2B;
    /** The 31 characters of a bcrypt hash after its salt (any of bcrypt's base64 alphabet). */
    private static final String DECOY_DIGEST = ".".repeat(31);

    private final BCryptPasswordEncoder bcrypt;
    /**
     * Checked against when there is no stored value, so an unknown id costs the same time as a wrong
     * secret. Only its form matters (a random salt, today's cost): checking against it runs a whole
     * bcrypt, making it runs none, so the server does not spend a bcrypt on it at every start.
     */
    private final String decoy;

    public SlowHashes(Settings settings) {
        this.bcrypt = new BCryptPasswordEncoder(VERSION, settings.clientSecretCost());
        this.decoy = BCrypt.gensalt(VERSION.getVersion(), settings.clientSecretCost()) + DECOY_DIGEST;
    }

    /** The value to store for {@code secret}: bcrypt, salted, with today's cost (60 characters). */
    public String hash(String secret) {
        return bcrypt.encode(reduced(secret));
    }

    /** Whether {@code presented} is the secret {@code stored} was made of; a null {@code stored} never matches. */
    public Check check(String presented, String stored) {
        if (stored == null) {
            bcrypt.matches(reduced(presented), decoy);
            return Check.WRONG;
        }
        if (isLegacySha256(stored)) {
            return Secrets.matches(presented, stored) ? Check.RIGHT_REHASH : Check.WRONG;
        }
        if (!bcrypt.matches(reduced(presented), stored)) {
            return Check.WRONG;
        }
        return bcrypt.upgradeEncoding(stored) ? Check.RIGHT_REHASH : Check.RIGHT;
    }

    String decoy() {
        return decoy;
    }

    private static boolean isLegacySha256(String stored) {
        if (stored.length() != LEGACY_SHA256_HEX) {
            return false;
        }
        try {
            HexFormat.of().parseHex(stored);
            return true;
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    private static String reduced(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(LABEL, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    /**
     * {@code passerelle.crypto.client-secret-cost}: bcrypt's cost (log2 of its rounds, 4 to 31),
     * 10 by default (OWASP's minimum; about 0.1 s a check on one core). Raising it upgrades each
     * stored hash at its next successful use.
     */
    @ConfigurationProperties("passerelle.crypto")
    public record Settings(Integer clientSecretCost) {
        public Settings {
            clientSecretCost = clientSecretCost == null ? 10 : clientSecretCost;
            if (clientSecretCost < 4 || clientSecretCost > 31) {
                throw new IllegalArgumentException("passerelle.crypto.client-secret-cost must be between 4 and 31");
            }
        }
    }
}
