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
 * the time one add takes alone, measured just before in the same server, both after a first burst
 * of as many other users has warmed the server up: holding the slow calls must cost nothing but
 * the wait. Each user calls from its own loopback address, as distinct
 * integrators' users would, so the per-address rate limits stay at their defaults; the test
 * connector's concurrency limit is raised through configuration to the burst's size (a limit
 * protects an institution, and this simulated one asks for none).
 */
final class ConcurrentAddsFigure {

    static final long LATENCY_MILLIS = 2_000;
    static final long QUICK_LATENCY_MILLIS = 500;
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
            // A first burst of other users warms the server up, as P2's warm-up does: a server meets a rush
            // after running for a while, with the add's code compiled, not a second after its start (a cold
            // burst spent about 40% of its CPU in the JIT compiler: docs/performance.md, P3).
            Burst warmUp = burst(server, tokens, 0, adds);
            System.out.printf("# P3 warm-up: %d adds at once answered in %.2f s, %d errors%n", adds, warmUp.wall(),
                    warmUp.errors());
            double lone = add(server, 2 * adds, tokens.get(2 * adds)).seconds();
            System.out.printf("# P3 one add alone: %.2f s%n", lone);
            int threadsBefore = server.threads();
            server.startProfile();
            double cpuBefore = server.cpuSeconds();
            double benchCpuBefore = Load.processCpuSeconds();
            Burst measured = burst(server, tokens, adds, adds);
            double cpuPerAdd = (server.cpuSeconds() - cpuBefore) * 1000 / adds;
            double benchCpuPerAdd = (Load.processCpuSeconds() - benchCpuBefore) * 1000 / adds;
            server.stopProfile();
            double ratio = measured.wall() / lone;
            return new Figure("P3", "concurrent-adds-slow-bank", ratio, "<=1.5,0errors", ratio <= 1.5 && measured.errors() == 0,
                    String.format("%d adds at once, the bank taking %d ms a call, after a warm-up burst of as many: all "
                                    + "answered in %.2f s, one alone in %.2f s; each add p50 %.2f s, p99 %.2f s; %d errors%s; "
                                    + "server CPU %.1f ms an add, the bench's own %.1f ms (its clients share the machine); "
                                    + "server threads %d before, %d at most; test connector's "
                                    + "concurrency limit set to %d; H2; load %s",
                            adds, latency, measured.wall(), lone, measured.seconds().getValueAtPercentile(50) / 1000.0,
                            measured.seconds().getValueAtPercentile(99) / 1000.0, measured.errors(),
                            measured.statuses().isEmpty() ? "" : " (statuses " + measured.statuses() + ")", cpuPerAdd,
                            benchCpuPerAdd, threadsBefore, Math.max(threadsBefore, measured.peakThreads()), adds + 16, Machine.load()));
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
                burst.add(clients.submit(() -> {
                    go.await();
                    return add(server, user, tokens.get(user));
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

    private static Added add(ServerProcess server, int user, String token) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("connector_uuid", Api.TEST_CONNECTOR, "login", "user" + user,
                "password", "1234", "directaccesswebsite", "par"));
        byte[] request = RawHttp.request("POST", "/2.0/users/me/connections", "Bearer " + token, "application/json", body);
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
