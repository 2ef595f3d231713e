package dev.passerelle.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * P4: the production launch the README documents ({@code ./passerelle}: the server jar with the AOT
 * cache the package step trained, when the JDK can use it) from the process start to the first
 * {@code 200} of {@code GET /2.0/connectors}, and its resident memory once idle; beside the plain
 * {@code java -jar} of the same jar, the baseline, alternating in the same run. Both restart on a
 * data directory an untimed first start created and migrated, as a server is restarted in production.
 */
final class StartupFigure {

    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Setup setup;

    StartupFigure(Setup setup) {
        this.setup = setup;
    }

    Figure p4() {
        List<String> launcher = List.of(setup.launcher().toString());
        List<String> plain = List.of(ServerProcess.java(), "-jar", setup.serverJar().toString());
        Path launcherData = setup.freshDataDir("p4-launcher");
        Path plainData = setup.freshDataDir("p4-plain");
        start(launcher, launcherData).close();
        start(plain, plainData).close();
        Starts starts = new Starts();
        Starts plainStarts = new Starts();
        int runs = setup.quick() ? 1 : 3;
        for (int run = 0; run < runs; run++) {
            starts.measure(launcher, launcherData);
            // the plain jar is context, not the goal (an absolute 3 s): one start of it keeps the bench short
            if (run == 0) {
                plainStarts.measure(plain, plainData);
            }
            System.out.printf("# P4 run %d: ./passerelle %s; java -jar %s%n", run + 1, starts.last(), plainStarts.last());
        }
        double start = Machine.median(starts.seconds);
        double memory = Machine.median(starts.rss);
        double baseline = Machine.median(plainStarts.seconds);
        return new Figure("P4", "startup-seconds", start, "<3s,rss<300MB", start < 3 && memory < 300,
                String.format("./passerelle to the first 200 of /2.0/connectors %.2f s (%.2f s of CPU), idle RSS %.0f MB; "
                                + "plain java -jar %.2f s (%.2fx; %.2f s of CPU), %.0f MB, one start; median of %d restarts on "
                                + "a migrated H2 data directory; load %s",
                        start, Machine.median(starts.cpu), memory, baseline, start / baseline,
                        Machine.median(plainStarts.cpu), Machine.median(plainStarts.rss), runs, Machine.load()));
    }

    /** One launch's restarts: seconds to the first 200, CPU seconds used until then, RSS once idle. */
    private static final class Starts {
        private final List<Double> seconds = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();
        private final List<Double> rss = new ArrayList<>();

        void measure(List<String> launch, Path data) {
            try (ServerProcess server = start(launch, data)) {
                seconds.add(server.startSeconds());
                cpu.add(server.startCpuSeconds());
                sleep(IDLE);
                rss.add(server.rssMegabytes());
            }
        }

        String last() {
            return String.format("%.2f s (%.2f s of CPU), %.0f MB", seconds.getLast(), cpu.getLast(), rss.getLast());
        }
    }

    private static ServerProcess start(List<String> launch, Path data) {
        return ServerProcess.start(launch, Map.of(), data, Duration.ofMinutes(3));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
