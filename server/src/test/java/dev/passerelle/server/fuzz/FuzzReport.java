package dev.passerelle.server.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** What a fuzz run saw: statuses, the defects found (with samples to reproduce them), how long it took. */
final class FuzzReport {

    private static final int SAMPLES = 25;

    private final Map<Integer, AtomicLong> statuses = new TreeMap<>();
    private final Map<String, AtomicLong> defects = new TreeMap<>();
    private final List<String> samples = new ArrayList<>();
    private long requests;

    synchronized void record(FuzzRequest request, int status, List<String> found) {
        requests++;
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        for (String defect : found) {
            defects.computeIfAbsent(defect, d -> new AtomicLong()).incrementAndGet();
            if (samples.size() < SAMPLES) {
                samples.add(defect + " ← " + request);
            }
        }
    }

    synchronized long count(String defect) {
        AtomicLong n = defects.get(defect);
        return n == null ? 0 : n.get();
    }

    synchronized long serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum();
    }

    synchronized Map<String, AtomicLong> defects() {
        return Map.copyOf(defects);
    }

    synchronized List<String> samples() {
        return List.copyOf(samples);
    }

    synchronized String summary(long seed, Duration took) {
        return "fuzz: seed " + seed + ", " + requests + " requests in " + took.toSeconds() + " s\n"
                + "statuses: " + statuses + "\n"
                + "5xx: " + serverErrors() + ", stack traces: " + count(FuzzTest.STACK_TRACE)
                + ", errors outside the envelope: " + count(FuzzTest.NOT_AN_ENVELOPE) + "\n"
                + "defects: " + defects + "\n"
                + String.join("\n", samples);
    }
}
