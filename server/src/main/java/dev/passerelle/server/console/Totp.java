package dev.passerelle.server.console;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226), as authenticator apps make them:
 * HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits. A code is accepted for the current
 * step and the one before or after (RFC 6238 §5.2: clock drift and typing time).
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int WINDOW = 1;

    private Totp() {
    }

    /** The step {@code at} falls in. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The {@code digits}-digit code of {@code key} for {@code step} (RFC 4226 §5.3, with RFC 6238's T as the counter). */
    static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * The step whose code {@code given} is, within the window around {@code now}; empty when it is
     * none. Compared in constant time; the caller refuses a step it already accepted (no replay).
     */
    static OptionalLong match(byte[] key, String given, Instant now) {
        String code = given == null ? "" : given.replace(" ", "").strip();
        if (!code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(code(key, step, DIGITS, "HmacSHA1").getBytes(), code.getBytes())) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }
}
