package dev.passerelle.testbank;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Deterministic randomness: the same parts (a login, an account id, a date…) always give the same
 * draws, on every JVM. {@link Random}'s algorithm is fixed by its specification, and the seed comes
 * from SHA-256 rather than {@code hashCode} so that close inputs give unrelated data.
 */
final class Seeds {

    private Seeds() {
    }

    static Random random(Object... parts) {
        String joined = Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("\u001f"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return new Random(ByteBuffer.wrap(digest).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** {@code count} decimal digits drawn from {@code random}. */
    static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** An amount in [{@code min}, {@code max}] with two decimals. */
    static BigDecimal amount(Random random, double min, double max) {
        long low = Math.round(min * 100);
        long high = Math.round(max * 100);
        return BigDecimal.valueOf(low + (long) (random.nextDouble() * (high - low + 1)), 2);
    }
}
