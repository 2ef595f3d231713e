package dev.passerelle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code bench/run}'s Java half: measures the figures of docs/performance.md, each against a
 * baseline measured in the same run, and prints one line per figure:
 * {@code P<n> <name> value=<ratio> goal=<goal> PASS|FAIL (<details>)}; lines starting with {@code #}
 * tell what is going on. Arguments: {@code --quick} (smaller sizes, for CI), {@code --only=P2,P4}.
 * Exits 0 when every figure passed, 1 when one failed, 2 when the bench itself broke.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Set<String> only = Arrays.stream(args).filter(a -> a.startsWith("--only="))
                .flatMap(a -> Arrays.stream(a.substring("--only=".length()).split(",")))
                .map(String::trim).collect(Collectors.toSet());
        Setup setup = Setup.from(quick);
        Map<String, Supplier<Figure>> figures = new LinkedHashMap<>();
        figures.put("P1", () -> new IngestionFigure(setup).p1());
        figures.put("P2", () -> new PageFigures(setup).p2());
        figures.put("P3", () -> new ConcurrentAddsFigure(setup).p3());
        figures.put("P4", () -> new StartupFigure(setup).p4());
        figures.put("P5", () -> new BackgroundSyncFigure(setup).p5());
        figures.put("P6", () -> new PageFigures(setup).p6());
        System.out.printf("# Passerelle bench%s: %d cores, Java %s, load %s%n", quick ? " (quick)" : "",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Machine.load());
        List<Figure> results = new ArrayList<>();
        long began = System.nanoTime();
        try {
            figures.forEach((id, figure) -> {
                if (only.isEmpty() || only.contains(id)) {
                    long start = System.nanoTime();
                    Figure result = figure.get();
                    results.add(result);
                    System.out.println(result.line());
                    System.out.printf("# %s took %.0f s%n", id, (System.nanoTime() - start) / 1e9);
                }
            });
        } catch (RuntimeException e) {
            System.out.println("# the bench broke: " + e);
            e.printStackTrace(System.out);
            System.exit(2);
        }
        System.out.printf("# %d figures in %.0f s: %d PASS, %d FAIL%n", results.size(), (System.nanoTime() - began) / 1e9,
                results.stream().filter(Figure::pass).count(), results.stream().filter(f -> !f.pass()).count());
        System.exit(results.stream().allMatch(Figure::pass) ? 0 : 1);
    }
}
