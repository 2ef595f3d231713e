package dev.passerelle.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * P4: the production launch the README documents ({@code ./passerelle}: the server jar with the AOT
 * cache the package step trained, when the JDK can use it) from the process start to the first
 * {@code 200} of {@code GET /2.0/connectors}, and its resident memory once idle; beside it (full size
 * only) the plain {@code java -jar} of the same jar, for context. Both restart on a data directory an
 * untimed first start created and migrated, as a server is restarted in production.
 */
final class StartupFigure {

    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Setup setup;

    StartupFigure(Setup setup) {
        this.setup = setup;
    }

    Figure p4() {
        List<String> launcher = setup.server();
        Path launcherData = setup.freshDataDir("p4-launcher");
        start(launcher, launcherData).close();
        Starts starts = new Starts();
        int runs = setup.quick() ? 1 : 3;
        for (int run = 0; run < runs; run++) {
            starts.measure(launcher, launcherData);
            System.out.printf("# P4 run %d: ./passerelle %s%n", run + 1, starts.last());
        }
        double start = Machine.median(starts.seconds);
        double memory = Machine.median(starts.rss);
        return new Figure("P4", "startup-seconds", start, "<3s,rss<300MB", start < 3 && memory < 300,
                String.format("./passerelle to the first 200 of /2.0/connectors %.2f s (%.2f s of CPU), idle RSS %.0f MB; "
                                + "%s; median of %d restarts on a migrated H2 data directory; load %s",
                        start, Machine.median(starts.cpu), memory, plainJar(start), runs, Machine.load()));
    }

    /**
     * The plain {@code java -jar} of the same jar, started once: context for the launch, not the goal
     * (an absolute 3 s), so the quick size, which only keeps the bench from rotting, spares its two
     * starts (half a minute).
     */
    private String plainJar(double launch) {
        if (setup.quick()) {
            return "plain java -jar not measured at the quick size";
        }
        Path plainData = setup.freshDataDir("p4-plain");
        List<String> plain = List.of(ServerProcess.java(), "-jar", setup.serverJar().toString());
        start(plain, plainData).close();
        Starts plainStarts = new Starts();
        plainStarts.measure(plain, plainData);
        System.out.printf("# P4 plain java -jar: %s%n", plainStarts.last());
        return String.format("plain java -jar %.2f s (%.2fx; %.2f s of CPU), %.0f MB, one start", plainStarts.seconds.getLast(),
                launch / plainStarts.seconds.getLast(), plainStarts.cpu.getLast(), plainStarts.rss.getLast());
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
