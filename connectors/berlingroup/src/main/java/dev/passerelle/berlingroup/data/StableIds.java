package dev.passerelle.berlingroup.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * External ids for entries the bank sends without {@code transactionId} or {@code entryReference}
 * (many do not): a digest of what identifies an operation (status, date, amount, currency, wording,
 * counterparty name and account) and its occurrence among identical ones in the same answer. Two
 * identical operations on one day stay two ({@code …-0}, {@code …-1}); a re-sync, which asks whole days
 * again, finds the same ones and so the same ids. Identical entries cannot be told apart, so their
 * order in the answer does not matter.
 */
final class StableIds {

    private static final int DIGEST_HEX = 32;

    private final Map<String, Integer> seen = new HashMap<>();

    /** The id of the next entry with these facts, in the order the answer lists them. */
    String next(List<String> facts) {
        String digest = digest(String.join("\u001f", facts.stream().map(f -> f == null ? "" : f).toList()));
        int occurrence = seen.merge(digest, 1, Integer::sum) - 1;
        return "xs2a-" + digest + "-" + occurrence;
    }

    private static String digest(String facts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
