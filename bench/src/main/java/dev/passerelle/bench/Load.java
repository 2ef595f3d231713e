package dev.passerelle.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Loads on one request: {@code connections} threads, each with its own keep-alive
 * connection, send it back to back (closed loop: the throughput) or at a planned rate (open loop:
 * the latency at that load); after a warm-up, every answer is counted and its latency recorded in
 * an HdrHistogram. The generator's own cost is measured too: the CPU time this process
 * spent per request, beside the server's, so that a reader sees how much of the machine the client
 * took from the server it measures (both share its cores).
 */
final class Load {

    private Load() {
    }

    /** What one run measured. */
    record Result(long requests, long errors, double seconds, Histogram latencies, double clientCpuSeconds,
                  double serverCpuSeconds) {

        double perSecond() {
            return requests / seconds;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }

        /** This run and {@code other} as one: their requests, windows, latencies and CPU added up. */
        Result plus(Result other) {
            Histogram both = latencies.copy();
            both.add(other.latencies);
            return new Result(requests + other.requests, errors + other.errors, seconds + other.seconds, both,
                    clientCpuSeconds + other.clientCpuSeconds, serverCpuSeconds + other.serverCpuSeconds);
        }

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        /** Microseconds of the generator's CPU per request. */
        double clientMicrosPerRequest() {
            return clientCpuSeconds * 1e6 / Math.max(1, requests);
        }

        /** The generator's share of the CPU time both processes used. */
        double clientShare() {
            return clientCpuSeconds / (clientCpuSeconds + serverCpuSeconds);
        }

        /** Microseconds of the server's CPU per request. */
        double serverMicrosPerRequest() {
            return serverCpuSeconds * 1e6 / Math.max(1, requests);
        }

        String summary() {
            return String.format("%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors; server %.0f µs CPU/request; generator %.0f µs "
                            + "CPU/request, %.0f%% of the CPU used", perSecond(), p50Millis(), p99Millis(), errors,
                    serverMicrosPerRequest(), clientMicrosPerRequest(), 100 * clientShare());
        }
    }

    static Result closedLoop(ServerProcess server, int connections, byte[] request, Duration warmUp, Duration measured) {
        return run(server, connections, warmUp, measured,
                (worker, start, from, until, errors) -> () -> loop(server.port(), request, from, until, errors));
    }

    /** Sends {@code request} back to back on {@code connections} for {@code duration}, measuring nothing: a warm-up. */
    static void warmUp(ServerProcess server, int connections, byte[] request, Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        AtomicLong ignored = new AtomicLong();
        try (ExecutorService threads = threads()) {
            for (int i = 0; i < connections; i++) {
                threads.submit(() -> loop(server.port(), request, until, until, ignored));
            }
        }
    }

    /**
     * An open-loop load at {@code rate} requests a second, spread evenly over {@code connections}:
     * each request has its planned send time, and its latency counts from then, so that a slow
     * answer that delays the next request is charged to it too (no coordinated omission).
     */
    static Result openLoop(ServerProcess server, int connections, double rate, byte[] request, Duration warmUp,
                           Duration measured) {
        long interval = Math.round(connections * 1e9 / rate);
        return run(server, connections, warmUp, measured, (worker, start, from, until, errors) -> () ->
                paced(server.port(), request, start + interval * worker / connections, interval, from, until, errors));
    }

    /** One connection's work over the run: its latencies, measured between {@code from} and {@code until}. */
    @FunctionalInterface
    private interface Worker {
        Callable<Histogram> of(int worker, long start, long from, long until, AtomicLong errors);
    }

    /**
     * Runs {@code connections} workers on their own threads through the warm-up and the measured
     * window, the client's and the server's CPU read at the window's edges, and merges their latencies.
     */
    private static Result run(ServerProcess server, int connections, Duration warmUp, Duration measured, Worker worker) {
        long start = System.nanoTime();
        long from = start + warmUp.toNanos();
        long until = from + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Future<Histogram>> workers = new ArrayList<>();
        try (ExecutorService threads = threads()) {
            for (int i = 0; i < connections; i++) {
                workers.add(threads.submit(worker.of(i, start, from, until, errors)));
            }
            sleepUntil(from);
            server.startProfile();
            double clientBefore = processCpuSeconds();
            double serverBefore = server.cpuSeconds();
            sleepUntil(until);
            double clientAfter = processCpuSeconds();
            double serverAfter = server.cpuSeconds();
            server.stopProfile();
            Histogram all = new Histogram(3_600_000_000L, 3);
            for (Future<Histogram> each : workers) {
                all.add(each.get());
            }
            return new Result(all.getTotalCount(), errors.get(), measured.toNanos() / 1e9, all,
                    clientAfter - clientBefore, serverAfter - serverBefore);
        } catch (Exception e) {
            throw new IllegalStateException("the load run failed", e);
        }
    }

    /**
     * One platform thread per connection, blocked in its socket's read or its sleep: the kernel wakes
     * it directly. A virtual thread was woken through the JDK's timer thread, its read poller and a
     * carrier, and the open loop's requests cost the generator twice the CPU (419 against 196 µs a
     * request in the same hour, docs/performance.md), CPU taken from the server it measures.
     */
    private static ExecutorService threads() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("load-", 0).factory());
    }

    private static Histogram paced(int port, byte[] request, long first, long interval, long from, long until,
                                   AtomicLong errors) throws InterruptedException {
        Histogram latencies = new Histogram(3_600_000_000L, 3);
        try (RawHttp http = new RawHttp(InetAddress.getLoopbackAddress(), port)) {
            for (long planned = first; planned < until; planned += interval) {
                sleepUntil(planned);
                boolean ok;
                try {
                    ok = http.send(request, false).status() / 100 == 2;
                } catch (IOException e) {
                    ok = false;
                }
                long answered = System.nanoTime();
                if (planned >= from) {
                    if (ok) {
                        latencies.recordValue(Math.max(1, (answered - planned) / 1000));
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }
        }
        return latencies;
    }

    private static Histogram loop(int port, byte[] request, long from, long until, AtomicLong errors) {
        Histogram latencies = new Histogram(3_600_000_000L, 3);
        try (RawHttp http = new RawHttp(InetAddress.getLoopbackAddress(), port)) {
            for (long sent = System.nanoTime(); sent < until; sent = System.nanoTime()) {
                boolean ok;
                try {
                    ok = http.send(request, false).status() / 100 == 2;
                } catch (IOException e) {
                    ok = false;
                }
                long answered = System.nanoTime();
                if (sent >= from && answered <= until) {
                    if (ok) {
                        latencies.recordValue(Math.max(1, (answered - sent) / 1000));
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }
        }
        return latencies;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
