package dev.passerelle.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * P3: thousands of users add a connection at the same moment while the institution takes
 * {@value #LATENCY_MILLIS} ms to answer each call ({@value #QUICK_LATENCY_MILLIS} ms at the quick size,
 * which only keeps the bench from rotting). The wall time of the whole burst is compared with
 * the time one add takes alone, measured just before in the same server, both after
 * {@value #WARM_UP_BURSTS} bursts of as many other users (each adding one more connection a burst)
 * have warmed the server up: holding the slow calls must cost nothing but the wait. Each user calls
 * from its own loopback address, as distinct integrators' users would, so the per-address rate
 * limits stay at their defaults; the test connector's concurrency limit is raised through
 * configuration to the burst's size (a limit protects an institution, and this simulated one asks
 * for none).
 */
final class ConcurrentAddsFigure {

    static final long LATENCY_MILLIS = 2_000;
    static final long QUICK_LATENCY_MILLIS = 500;
    /** Bursts before the measured one at the full size; the quick size, a smoke test, makes one. */
    static final int WARM_UP_BURSTS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Setup setup;

    ConcurrentAddsFigure(Setup setup) {
        this.setup = setup;
    }

    Figure p3() {
        int adds = setup.quick() ? 200 : 2_000;
        long latency = setup.quick() ? QUICK_LATENCY_MILLIS : LATENCY_MILLIS;
        Map<String, String> properties = Map.of(
                "passerelle.connectors.settings." + Api.TEST_CONNECTOR + ".latency-millis", String.valueOf(latency),
                "passerelle.limits.connector-concurrency", String.valueOf(adds + 16));
        try (ServerProcess server = ServerProcess.start(setup.server(), properties, setup.freshDataDir("p3"), Duration.ofMinutes(3))) {
            String configToken = server.readFile("config-token");
            List<String> tokens = users(server, configToken, 2 * adds + 1);
            // Bursts of other users warm the server up first, as P2's warm-up does: a server meets a rush
            // after running for a while, with the add's code compiled, not a second after its start. One
            // burst is not enough: an add calls most of its methods once, and C2 compiles a method after
            // 5,000 calls (Tier4InvocationThreshold), so it kept compiling through five bursts, a third of
            // their CPU (docs/performance.md, P3).
            int warmUps = setup.quick() ? 1 : WARM_UP_BURSTS;
            for (int round = 1; round <= warmUps; round++) {
                ServerProcess.CpuUse before = server.cpuUse();
                Burst warmUp = burst(server, tokens, 0, adds);
                System.out.printf("# P3 warm-up %d of %d: %d adds at once answered in %.2f s, %d errors; %s%n", round,
                        warmUps, adds, warmUp.wall(), warmUp.errors(), server.cpuUse().since(before));
            }
            double lone = add(server, 2 * adds, request(2 * adds, tokens.get(2 * adds))).seconds();
            System.out.printf("# P3 one add alone: %.2f s%n", lone);
            int threadsBefore = server.threads();
            server.startProfile();
            ServerProcess.CpuUse before = server.cpuUse();
            double benchCpuBefore = Load.processCpuSeconds();
            Burst measured = burst(server, tokens, adds, adds);
            ServerProcess.CpuUse spent = server.cpuUse().since(before);
            double cpuPerAdd = spent.total() * 1000 / adds;
            double benchCpuPerAdd = (Load.processCpuSeconds() - benchCpuBefore) * 1000 / adds;
            server.stopProfile();
            double ratio = measured.wall() / lone;
            return new Figure("P3", "concurrent-adds-slow-bank", ratio, "<=1.5,0errors", ratio <= 1.5 && measured.errors() == 0,
                    String.format("%d adds at once, the bank taking %d ms a call, after %s of as many: all "
                                    + "answered in %.2f s, one alone in %.2f s; each add p50 %.2f s, p99 %.2f s; %d errors%s; "
                                    + "server CPU %.1f ms an add (%s), the bench's own %.1f ms (its clients share the machine); "
                                    + "server threads %d before, %d at most; test connector's "
                                    + "concurrency limit set to %d; H2; load %s",
                            adds, latency, warmUps == 1 ? "one warm-up burst" : warmUps + " warm-up bursts",
                            measured.wall(), lone, measured.seconds().getValueAtPercentile(50) / 1000.0,
                            measured.seconds().getValueAtPercentile(99) / 1000.0, measured.errors(),
                            measured.statuses().isEmpty() ? "" : " (statuses " + measured.statuses() + ")", cpuPerAdd,
                            spent, benchCpuPerAdd, threadsBefore, Math.max(threadsBefore, measured.peakThreads()), adds + 16, Machine.load()));
        } catch (Exception e) {
            throw new IllegalStateException("P3 failed", e);
        }
    }

    /** Users {@code first} to {@code first + count - 1} add a connection at the same moment. */
    private static Burst burst(ServerProcess server, List<String> tokens, int first, int count) throws Exception {
        AtomicInteger peakThreads = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Added>> burst = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = first; i < first + count; i++) {
                int user = i;
                // Built before the start, so that the burst's clients only connect, send and wait.
                byte[] request = request(user, tokens.get(user));
                burst.add(clients.submit(() -> {
                    go.await();
                    return add(server, user, request);
                }));
            }
            Future<?> watch = clients.submit(() -> watchThreads(server, peakThreads, burst));
            long began = System.nanoTime();
            go.countDown();
            Histogram seconds = new Histogram(3);
            int errors = 0;
            List<Integer> statuses = new ArrayList<>();
            for (Future<Added> added : burst) {
                Added answer = added.get();
                seconds.recordValue(Math.round(answer.seconds() * 1000));
                if (answer.status() != 200) {
                    errors++;
                    if (statuses.size() < 5) {
                        statuses.add(answer.status());
                    }
                }
            }
            double wall = (System.nanoTime() - began) / 1e9;
            watch.cancel(true);
            return new Burst(wall, seconds, errors, statuses, peakThreads.get());
        }
    }

    /** {@code count} permanent users, each created from its own address; their tokens. */
    private static List<String> users(ServerProcess server, String configToken, int count) throws Exception {
        byte[] init = RawHttp.request("POST", "/2.0/auth/init", "Bearer " + configToken, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        try (ExecutorService clients = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            List<Future<String>> tokens = IntStream.range(0, count).mapToObj(i -> clients.submit(() -> {
                try (RawHttp http = new RawHttp(address(i), server.port())) {
                    RawHttp.Answer answer = http.send(init, true);
                    if (answer.status() != 200) {
                        throw new IllegalStateException("POST /auth/init answered " + answer.status());
                    }
                    return JSON.readTree(answer.body()).get("auth_token").asString();
                }
            })).toList();
            List<String> all = new ArrayList<>();
            for (Future<String> token : tokens) {
                all.add(token.get());
            }
            return all;
        }
    }

    /** User {@code user}'s request adding a test connector's connection. */
    private static byte[] request(int user, String token) {
        byte[] body = JSON.writeValueAsBytes(Map.of("connector_uuid", Api.TEST_CONNECTOR, "login", "user" + user,
                "password", "1234", "directaccesswebsite", "par"));
        return RawHttp.request("POST", "/2.0/users/me/connections", "Bearer " + token, "application/json", body);
    }

    private static Added add(ServerProcess server, int user, byte[] request) {
        try (RawHttp http = new RawHttp(address(user), server.port())) {
            long start = System.nanoTime();
            int status;
            try {
                status = http.send(request, false).status();
            } catch (IOException e) {
                status = -1;
            }
            return new Added(status, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void watchThreads(ServerProcess server, AtomicInteger peak, List<Future<Added>> burst) {
        while (!burst.stream().allMatch(Future::isDone)) {
            peak.accumulateAndGet(server.threads(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** User {@code i}'s own loopback address: 127.10.x.y. */
    static InetAddress address(int i) {
        try {
            return InetAddress.getByAddress(new byte[]{127, 10, (byte) (i / 250), (byte) (i % 250 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Added(int status, double seconds) {
    }

    /** A burst's wall time, each add's time in milliseconds, its failures, and the most threads the server ran. */
    private record Burst(double wall, Histogram seconds, int errors, List<Integer> statuses, int peakThreads) {
    }
}
