package dev.passerelle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.model.ClockTime;
import dev.passerelle.client.support.Integrators;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sandbox clocks: one user's (its token) and the server's (config token, read only here: other tests share it). */
class TestClockTest {

    private final Integrators integrators = new Integrators();

    @Test
    void userClockMovesForwardForThatUserOnly() {
        Passerelle user = integrators.newUser();
        Passerelle other = integrators.newUser();

        ClockTime moved = user.me().testClock().advance(Duration.ofDays(2));

        assertThat(moved.offset()).isEqualTo(Duration.ofDays(2));
        assertThat(user.me().testClock().get().offset()).isEqualTo(Duration.ofDays(2));
        assertThat(other.me().testClock().get().offset()).isZero();
        assertThat(moved.now()).isAfter(other.me().testClock().get().now().plusDays(1));
    }

    @Test
    void serverClockIsReadWithTheConfigTokenOnly() {
        assertThat(integrators.admin().testClock().get().now()).isNotNull();
        assertThatThrownBy(() -> integrators.newUser().testClock().get()).isInstanceOf(PermissionException.class);
    }
}
