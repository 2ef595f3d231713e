package dev.passerelle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Passerelle server started as an operator starts it: its own process, its own data directory and
 * port, its output in a log file. {@link #startSeconds()} is the time from the process start to the
 * first {@code 200} of {@code GET /2.0/connectors}, {@link #startCpuSeconds()} the CPU it used until then.
 */
final class ServerProcess implements AutoCloseable {

    private static final byte[] CONNECTORS = RawHttp.request("GET", "/2.0/connectors", null, null, null);

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private final double startSeconds;
    private final double startCpuSeconds;

    private ServerProcess(Process process, int port, Path dataDir, Path log, double startSeconds) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.startSeconds = startSeconds;
        this.startCpuSeconds = cpuSeconds();
    }

    /**
     * Starts {@code launch} (the command up to the server's own arguments) with {@code properties}
     * as arguments, on a free port and in {@code dataDir}, and waits until it answers.
     */
    static ServerProcess start(List<String> launch, Map<String, String> properties, Path dataDir, Duration patience) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(launch, properties, dataDir, patience);
            } catch (PortTaken e) {
                // another process bound the port between our check and the server's bind: a new one
                if (attempt == 3) {
                    throw new IllegalStateException(e.getMessage());
                }
            }
        }
    }

    private static ServerProcess startOnce(List<String> launch, Map<String, String> properties, Path dataDir,
                                           Duration patience) {
        try {
            Files.createDirectories(dataDir);
            int port = freePort();
            List<String> command = new ArrayList<>(launch);
            command.add("--server.port=" + port);
            command.add("--passerelle.data-dir=" + dataDir);
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            Path log = dataDir.resolve("server.log");
            long began = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // BENCH_SERVER_OPTS reaches every server the bench starts, e.g. to profile it (docs/performance.md).
            String extra = System.getenv("BENCH_SERVER_OPTS");
            if (extra != null && !extra.isBlank()) {
                builder.environment().put("JAVA_TOOL_OPTIONS", extra);
            }
            Process process = builder.start();
            // A bench stopped midway (Ctrl-C, SIGTERM) leaves no server behind.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            awaitConnectors(process, port, log, began + patience.toNanos());
            return new ServerProcess(process, port, dataDir, log, (System.nanoTime() - began) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java that runs the bench, for the server too. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void awaitConnectors(Process process, int port, Path log, long deadline) throws IOException {
        while (true) {
            if (!process.isAlive()) {
                String tail = tail(log);
                if (tail.contains("Port " + port + " was already in use")) {
                    throw new PortTaken("port " + port + " was taken by another process while the server started");
                }
                throw new IllegalStateException("the server stopped while starting; its log: " + log + "\n" + tail);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not answer in time; its log: " + log + "\n" + tail(log));
            }
            try (RawHttp http = new RawHttp(InetAddress.getLoopbackAddress(), port)) {
                if (http.send(CONNECTORS, false).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 up): the kernel hands those to every
     * outgoing connection on the machine, the bench's own clients and PostgreSQL's included, so
     * one picked there is soon taken by some client.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (BindException taken) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000 on the loopback");
    }

    /** The port the server was given was bound by another process before the server bound it. */
    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    double startSeconds() {
        return startSeconds;
    }

    /**
     * The CPU time (all threads: JIT and GC too) the server used up to its first answer: on a machine
     * shared with other work it moves far less than {@link #startSeconds()}, which counts the waits
     * for a core.
     */
    double startCpuSeconds() {
        return startCpuSeconds;
    }

    long pid() {
        return process.pid();
    }

    /** The resident set size now, in MB. */
    double rssMegabytes() {
        for (String line : readProc("status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + pid() + "/status");
    }

    /** The server's threads now (platform threads: a virtual thread is not one). */
    int threads() {
        for (String line : readProc("status").split("\n")) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        throw new IllegalStateException("no Threads in /proc/" + pid() + "/status");
    }

    /** CPU seconds the server used so far (user and system). */
    double cpuSeconds() {
        return cpuSecondsOf(readProc("stat"));
    }

    /** The CPU seconds of a process's or thread's {@code stat} line (proc(5)). */
    private static double cpuSecondsOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state(3) ... utime(14) stime(15), i.e. indexes 11 and 12 here; 100 ticks a second
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /**
     * The CPU the server used so far, and how much of it went to the JIT compilers' threads
     * ({@code C1 CompilerThre}, {@code C2 CompilerThre}: Linux keeps 15 characters of a name) and to
     * the VM thread, where the production launch's serial collector collects. On two cores the JVM
     * runs one compiler thread of each kind, and these threads live as long as the JVM, so the
     * difference of two readings is what they did in between (on more cores, the JVM may stop
     * compiler threads it added, and their CPU leaves the sum with them).
     */
    CpuUse cpuUse() {
        double jit = 0;
        double vm = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += cpuSecondsOf(stat);
                } else if (name.equals("VM Thread")) {
                    vm += cpuSecondsOf(stat);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CpuUse(cpuSeconds(), jit, vm);
    }

    /** CPU seconds: the whole server's, its JIT compilers' and its VM thread's (the collector's pauses). */
    record CpuUse(double total, double jit, double vm) {

        CpuUse since(CpuUse before) {
            return new CpuUse(total - before.total, jit - before.jit, vm - before.vm);
        }

        @Override
        public String toString() {
            return String.format("%.1f s of CPU, of which the JIT compilers %.1f s and the collector's VM thread %.1f s",
                    total, jit, vm);
        }
    }

    /**
     * The heap in use after a full collection, in MB: {@code jcmd GC.run}, then the heap's memory pools
     * as the server's metrics tell them, whatever the collector (GC.heap_info's text differs between
     * collectors: the serial one prints each generation apart).
     */
    double heapAfterGcMegabytes() {
        jcmd("GC.run");
        return metric("jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
    }

    /**
     * The sum of the series of {@code name} whose labels hold {@code label}, from the server's Prometheus
     * metrics (which need the config token on the API's port).
     */
    double metric(String name, String label) {
        String metrics = new String(new Api(port).bytes("/actuator/prometheus", readFile("config-token")), StandardCharsets.UTF_8);
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Runs a diagnostic command on the server ({@code jcmd <pid> ...}) and returns what it printed. */
    String jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid())));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * With {@code BENCH_JFR_DIR} set, starts a flight recording of the server (JFR's profiling
     * settings) for the measured window of a load; {@link #stopProfile} writes it there.
     */
    void startProfile() {
        if (System.getenv("BENCH_JFR_DIR") != null) {
            jcmd("JFR.start", "name=bench", "settings=profile");
        }
    }

    void stopProfile() {
        String dir = System.getenv("BENCH_JFR_DIR");
        if (dir != null) {
            jcmd("JFR.stop", "name=bench", "filename=" + Path.of(dir, pid() + "-" + System.currentTimeMillis() + ".jfr")
                    .toAbsolutePath());
        }
    }

    String readFile(String name) {
        try {
            return Files.readString(dataDir.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readProc(String file) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid()), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    /** SIGTERM, as an operator stops it, and waits for the graceful stop. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
