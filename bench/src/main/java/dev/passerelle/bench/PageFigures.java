package dev.passerelle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * P2 and P6: how fast a page of transactions is served. P2 compares the throughput of {@code GET
 * /users/me/transactions?limit=50} with the bench's bare endpoint answering the same bytes through
 * the same stack (no database, no token, no serialisation), 64 connections each in a closed loop,
 * alternating (bare, page, page, bare in each round), on H2, after both warmed the server up; and
 * takes the page's p99 at half its saturated rate in an open loop (the latency a client sees under
 * load, rather than the queue a saturating closed loop builds). P6
 * compares that p99 on PostgreSQL before and after 10 million transactions of other users were
 * copied in ({@link OtherUsers}), at the same rate.
 */
final class PageFigures {

    static final String PAGE = "/2.0/users/me/transactions?limit=50";
    private static final int CONNECTIONS = 64;

    private final Setup setup;

    PageFigures(Setup setup) {
        this.setup = setup;
    }

    Figure p2() {
        try (ServerProcess server = ServerProcess.start(setup.serverWithBareEndpoint(List.of()), Map.of(),
                setup.freshDataDir("p2"), Duration.ofMinutes(3))) {
            String token = userWithTransactions(server);
            byte[] page = new Api(server.port()).bytes(PAGE.substring("/2.0".length()), token);
            new Api(server.port()).put("/bench/bare", page);
            byte[] pageRequest = RawHttp.request("GET", PAGE, "Bearer " + token, null, null);
            byte[] bareRequest = RawHttp.request("GET", "/2.0/bench/bare", null, null, null);
            warmUp(server, pageRequest, bareRequest);
            List<Double> ratios = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            Load.Result page0 = null;
            Load.Result bare0 = null;
            Load.Result paced = null;
            for (int round = 0; round < rounds(); round++) {
                // bare, page, page, bare: the two sides' windows have the same mean time, so a load
                // that other processes put on the machine and that rises or falls through the round
                // weighs on both alike
                Load.Result bareBefore = saturated(server, bareRequest);
                page0 = saturated(server, pageRequest).plus(saturated(server, pageRequest));
                bare0 = bareBefore.plus(saturated(server, bareRequest));
                paced = paced(server, pageRequest, page0.perSecond() / 2);
                ratios.add(page0.perSecond() / bare0.perSecond());
                p99s.add(paced.p99Millis());
                System.out.printf("# P2 round %d: page, saturated  %s%n#              bare, saturated  %s%n"
                        + "#              page at half rate %s%n", round + 1, page0.summary(), bare0.summary(), paced.summary());
            }
            double ratio = Machine.median(ratios);
            double p99 = Machine.median(p99s);
            return new Figure("P2", "transactions-page", ratio, ">=0.5,p99<20ms", ratio >= 0.5 && p99 < 20
                    && page0.errors() + paced.errors() == 0,
                    String.format("page %.0f req/s, bare endpoint with the same %,d bytes %.0f req/s (%d connections, closed "
                                    + "loop); page p99 %.1f ms at half that rate (%.0f req/s, open loop); medians of %d "
                                    + "rounds, last shown; generator %.0f µs CPU/request, %.0f%% of the CPU used on the bare "
                                    + "run; H2; load %s",
                            page0.perSecond(), page.length, bare0.perSecond(), CONNECTIONS, p99, page0.perSecond() / 2,
                            rounds(), bare0.clientMicrosPerRequest(), 100 * bare0.clientShare(), Machine.load()));
        }
    }

    Figure p6() {
        OtherUsers others = new OtherUsers(setup);
        String schema = "bench_p6";
        others.dropSchema(schema);
        try (ServerProcess server = ServerProcess.start(setup.serverWithBareEndpoint(List.of()), setup.postgres(schema),
                setup.freshDataDir("p6"), Duration.ofMinutes(3))) {
            String token = userWithTransactions(server);
            byte[] pageRequest = RawHttp.request("GET", PAGE, "Bearer " + token, null, null);
            warmUp(server, pageRequest);
            double rate = saturated(server, pageRequest).perSecond() / 2;
            double empty = p99(server, pageRequest, rate, "empty");
            long rows = setup.quick() ? 200_000 : 10_000_000;
            long seconds = others.copy(schema, rows);
            double full = p99(server, pageRequest, rate, "with " + rows + " rows of others");
            double ratio = full / empty;
            return new Figure("P6", "page-p99-with-10M-rows", ratio, "<=1.5", ratio <= 1.5,
                    String.format("page p99 %.1f ms with %,d transactions of %,d other users (copied in %d s) vs %.1f ms "
                                    + "with only the user's own, at %.0f req/s (half the saturated rate, open loop, %d "
                                    + "connections), median of %d rounds; PostgreSQL; load %s",
                            full, rows, others.users(rows), seconds, empty, rate, CONNECTIONS, rounds(), Machine.load()));
        }
    }

    private double p99(ServerProcess server, byte[] request, double rate, String label) {
        List<Double> p99s = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            Load.Result result = paced(server, request, rate);
            if (result.errors() > 0) {
                throw new IllegalStateException("the page answered errors: " + result.summary());
            }
            p99s.add(result.p99Millis());
            System.out.printf("# P6 %s, round %d: %s%n", label, round + 1, result.summary());
        }
        return Machine.median(p99s);
    }

    /** A user with one connection of the test connector, every account activated: a few hundred transactions. */
    static String userWithTransactions(ServerProcess server) {
        Api api = new Api(server.port());
        String token = api.newUser(server.readFile("config-token"));
        Api.Answer added = api.addConnection(token, "alice", "par");
        if (added.status() != 200) {
            throw new IllegalStateException("adding the bench's connection answered " + added.status() + ": " + added.body());
        }
        api.activateAll(token, added.id());
        return token;
    }

    /**
     * Loads each request in turn, unmeasured, so that the first round measures the page more than the
     * server's compiler: on two shared cores a server just started serves neither at its steady rate
     * for tens of seconds (without this, the bare endpoint, loaded first, ran at a quarter of its
     * round-3 rate in round 1, docs/performance.md).
     */
    private void warmUp(ServerProcess server, byte[]... requests) {
        Duration each = Duration.ofSeconds(setup.quick() ? 2 : 15);
        for (byte[] request : requests) {
            Load.warmUp(server, CONNECTIONS, request, each);
        }
    }

    /** A closed loop on a server {@link #warmUp} warmed: a second to open the connections, then the measured window. */
    private Load.Result saturated(ServerProcess server, byte[] request) {
        return Load.closedLoop(server, CONNECTIONS, request, Duration.ofSeconds(1), Duration.ofSeconds(setup.quick() ? 2 : 6));
    }

    private Load.Result paced(ServerProcess server, byte[] request, double rate) {
        return setup.quick()
                ? Load.openLoop(server, CONNECTIONS, rate, request, Duration.ofSeconds(1), Duration.ofSeconds(3))
                : Load.openLoop(server, CONNECTIONS, rate, request, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private int rounds() {
        return setup.quick() ? 1 : 3;
    }
}
