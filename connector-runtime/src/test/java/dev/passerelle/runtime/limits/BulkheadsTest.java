package dev.passerelle.runtime.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkheadsTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    private static ConnectorDescriptor connector(int id) {
        return ConnectorDescriptor.builder(id, UUID.randomUUID(), "Bank " + id).spiVersion(Spi.VERSION)
                .sources(List.of(SourceDescriptor.builder(id * 10, "directaccess").build())).build();
    }

    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final CallObserver observer = new CallObserver() {
        @Override
        public void called(ConnectorDescriptor connector, Duration took) {
            observed.add("called " + connector.id());
        }

        @Override
        public void refused(ConnectorDescriptor connector) {
            observed.add("refused " + connector.id());
        }
    };

    private Bulkheads bulkheads(int perConnector, int perUser) {
        return new Bulkheads(new Bulkheads.Limits(perConnector, perUser, Duration.ZERO), observer);
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHeldCalls() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void aCallBeyondTheConnectorsConcurrencyIsTooManyRequests() throws Exception {
        Bulkheads bulkheads = bulkheads(1, 1);
        ConnectorDescriptor bank = connector(1);
        Future<String> first = hold(bulkheads, bank, ALICE);

        assertThatThrownBy(() -> bulkheads.call(bank, BOB, () -> "second"))
                .isInstanceOfSatisfying(Bulkheads.Full.class, e -> assertThat(e.connector()).isSameAs(bank));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(observed).containsExactly("refused 1", "called 1");
    }

    @Test
    void anotherConnectorIsNotHeldUpByABusyOne() throws Exception {
        Bulkheads bulkheads = bulkheads(1, 1);
        hold(bulkheads, connector(1), ALICE);

        assertThat(bulkheads.call(connector(2), ALICE, () -> "free")).isEqualTo("free");
    }

    @Test
    void aUsersCallBeyondItsShareIsRefusedWhileAnotherUserGetsThrough() throws Exception {
        Bulkheads bulkheads = bulkheads(3, 2);
        ConnectorDescriptor bank = connector(1);
        hold(bulkheads, bank, ALICE);
        hold(bulkheads, bank, ALICE);

        assertThat(bulkheads.tryCall(bank, ALICE, () -> "third")).isEmpty();
        assertThat(bulkheads.call(bank, BOB, () -> "bob's")).isEqualTo("bob's");
    }

    @Test
    void aUsersShareIsFreeAgainOnceItsCallsEnd() throws Exception {
        Bulkheads bulkheads = bulkheads(3, 1);
        ConnectorDescriptor bank = connector(1);
        Future<String> held = hold(bulkheads, bank, ALICE);
        assertThat(bulkheads.tryCall(bank, ALICE, () -> "second")).isEmpty();

        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        assertThat(bulkheads.call(bank, ALICE, () -> "again")).isEqualTo("again");
    }

    @Test
    void aCallThatThrowsGivesItsSlotsBack() {
        Bulkheads bulkheads = bulkheads(1, 1);
        ConnectorDescriptor bank = connector(1);

        assertThatThrownBy(() -> bulkheads.call(bank, ALICE, () -> {
            throw new IllegalStateException("the bank broke");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(bulkheads.call(bank, ALICE, () -> "next")).isEqualTo("next");
    }

    /** A call of {@code user} that holds its slots until {@link #release}; returns once it runs. */
    private Future<String> hold(Bulkheads bulkheads, ConnectorDescriptor bank, long user) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Future<String> call = executor.submit(() -> bulkheads.call(bank, user, () -> {
            running.countDown();
            await(release);
            return "done";
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the held call runs").isTrue();
        return call;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
