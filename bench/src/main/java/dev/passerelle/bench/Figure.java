package dev.passerelle.bench;

import java.util.Locale;

/**
 * One line of {@code bench/run}'s answer: {@code P<n> <name> value=<ratio> goal=<goal> PASS|FAIL (<details>)}.
 *
 * @param goal    the goal as printed, e.g. {@code >=0.9}
 * @param pass    whether every condition of the goal holds (some figures have a second one, in the details)
 * @param details what was measured, the baseline included, and the load average
 */
record Figure(String id, String name, double value, String goal, boolean pass, String details) {

    String line() {
        return String.format(Locale.ROOT, "%s %s value=%.2f goal=%s %s (%s)", id, name, value, goal,
                pass ? "PASS" : "FAIL", details);
    }
}
