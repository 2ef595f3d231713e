package dev.passerelle.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectorBulkheadsTest {

    private static ConnectorDescriptor connector(int id) {
        return new ConnectorDescriptor(id, UUID.randomUUID(), "Bank " + id, null, null, null, false, List.of("bank"),
                List.of(), List.of(), List.of("fr"), 6, 1,
                List.of(new SourceDescriptor(id * 10, "directaccess", 1, AuthMechanism.CREDENTIALS,
                        Set.of(AuthMechanism.CREDENTIALS), List.of(), List.of())), List.of());
    }

    private final ConnectorBulkheads bulkheads = new ConnectorBulkheads(
            new LimitsProperties(null, null, null, null, 1, Duration.ZERO), new SimpleMeterRegistry());

    @Test
    void aStepBeyondTheConnectorsConcurrencyIsTooManyRequests() throws Exception {
        ConnectorDescriptor bank = connector(1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = executor.submit(() -> bulkheads.call(bank, () -> {
                running.countDown();
                await(release);
                return "done";
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> bulkheads.call(bank, () -> "second"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.error()).isEqualTo(ApiError.TOO_MANY_REQUESTS);
                        assertThat(e.headers()).containsKey("Retry-After");
                    });

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anotherConnectorIsNotHeldUpByABusyOne() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            executor.submit(() -> bulkheads.call(connector(1), () -> {
                running.countDown();
                await(release);
                return null;
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(bulkheads.call(connector(2), () -> "free")).isEqualTo("free");
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
