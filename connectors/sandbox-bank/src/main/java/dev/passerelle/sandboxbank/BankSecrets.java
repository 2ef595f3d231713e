package dev.passerelle.sandboxbank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bank's secrets: its tickets, codes and tokens, 256 random bits each, URL-safe, of which the
 * database keeps only a SHA-256 hash; and its client's secret, compared in constant time.
 */
final class BankSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BankSecrets() {
    }

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex, as the bank's columns hold it. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    /** Whether {@code presented} is {@code expected}, in a time that does not depend on where they differ. */
    static boolean same(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(digest(presented), digest(expected));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
