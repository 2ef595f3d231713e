package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.connections.ConnectionTransitions.Call;
import dev.passerelle.server.connections.ConnectionTransitions.Trigger;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transition table when a source's consent ended (§12): the user is asked, the institution is not. */
class ConnectionTransitionsTest {

    @Test
    void whenTheConsentOfASyncedOrRetriedSourceEndedThenTheUserIsAskedToAuthenticate() {
        assertThat(ConnectionTransitions.callFor(null, Trigger.SYNC_CONSENT_EXPIRED)).isEqualTo(Call.ASK_AUTHENTICATION);
        for (ConnectionState state : EnumSet.of(ConnectionState.WEBSITE_UNAVAILABLE, ConnectionState.RATE_LIMITING,
                ConnectionState.BUG, ConnectionState.ACTION_NEEDED)) {
            assertThat(ConnectionTransitions.callFor(state, Trigger.SYNC_CONSENT_EXPIRED)).as(state.wire())
                    .isEqualTo(Call.ASK_AUTHENTICATION);
        }
    }

    @Test
    void whenTheConsentEndedOnASourceThatAlreadyWaitsOnTheUserThenItKeepsWhatItAsks() {
        Set<ConnectionState> waiting = EnumSet.of(ConnectionState.SCA_REQUIRED, ConnectionState.WEBAUTH_REQUIRED,
                ConnectionState.ADDITIONAL_INFORMATION_NEEDED, ConnectionState.DECOUPLED, ConnectionState.WRONGPASS,
                ConnectionState.PASSWORD_EXPIRED, ConnectionState.NOT_SUPPORTED);
        for (ConnectionState state : waiting) {
            assertThat(ConnectionTransitions.callFor(state, Trigger.SYNC_CONSENT_EXPIRED)).as(state.wire())
                    .isEqualTo(Call.NONE);
        }
    }

    @Test
    void whenTheConsentEndedDuringABackgroundStepThenLocked() {
        assertThat(ConnectionTransitions.callFor(ConnectionState.VALIDATING, Trigger.SYNC_CONSENT_EXPIRED))
                .isEqualTo(Call.LOCKED);
    }
}
