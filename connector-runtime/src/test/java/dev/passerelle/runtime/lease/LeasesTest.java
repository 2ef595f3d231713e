package dev.passerelle.runtime.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeasesTest {

    private static final Instant NOW = Instant.parse("2024-03-14T09:30:00Z");

    /** Leases held until a time, as the server's table holds them. */
    private final Map<Long, Instant> held = new HashMap<>();
    private final LeaseStore store = new LeaseStore() {
        @Override
        public boolean take(long connectionId, Instant now, Instant until) {
            Instant current = held.get(connectionId);
            if (current != null && current.isAfter(now)) {
                return false;
            }
            held.put(connectionId, until);
            return true;
        }

        @Override
        public void release(long connectionId) {
            held.remove(connectionId);
        }
    };
    private final Leases leases = new Leases(store, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void workRunsHoldingTheLeaseForItsLengthAndGivesItBack() {
        String result = leases.holding(7, () -> {
            assertThat(held).containsEntry(7L, NOW.plus(Duration.ofMinutes(5)));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(held).isEmpty();
    }

    @Test
    void aConnectionWhoseLeaseIsHeldIsBusyAndTheHoldersLeaseStays() {
        leases.take(7);

        assertThatThrownBy(() -> leases.holding(7, () -> "second")).isInstanceOf(Leases.Busy.class)
                .hasMessageContaining("connection 7");
        assertThat(held).containsKey(7L);
        assertThat(leases.holding(8, () -> "another connection")).isEqualTo("another connection");
    }

    @Test
    void workThatThrowsStillGivesTheLeaseBack() {
        assertThatThrownBy(() -> leases.holding(7, () -> {
            throw new IllegalStateException("bank down");
        })).hasMessage("bank down");

        assertThat(held).isEmpty();
    }

    @Test
    void workUnderALeaseTakenBeforeGivesItBackWithoutTakingItAgain() {
        leases.take(7);

        assertThat(leases.held(7, () -> {
            assertThatThrownBy(() -> leases.take(7)).isInstanceOf(Leases.Busy.class);
            return "first step";
        })).isEqualTo("first step");
        assertThat(held).isEmpty();
    }
}
