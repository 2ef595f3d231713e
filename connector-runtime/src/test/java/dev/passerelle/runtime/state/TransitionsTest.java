package dev.passerelle.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.runtime.state.Transitions.Call;
import dev.passerelle.runtime.state.Transitions.Trigger;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transition table when a source's consent ended (docs/protocol.md §12): the user is asked, the institution is not. */
class TransitionsTest {

    @Test
    void whenTheConsentOfASyncedOrRetriedSourceEndedThenTheUserIsAskedToAuthenticate() {
        assertThat(Transitions.callFor(null, Trigger.SYNC_CONSENT_EXPIRED)).isEqualTo(Call.ASK_AUTHENTICATION);
        for (ConnectionState state : EnumSet.of(ConnectionState.WEBSITE_UNAVAILABLE, ConnectionState.RATE_LIMITING,
                ConnectionState.BUG, ConnectionState.ACTION_NEEDED)) {
            assertThat(Transitions.callFor(state, Trigger.SYNC_CONSENT_EXPIRED)).as(state.wire())
                    .isEqualTo(Call.ASK_AUTHENTICATION);
        }
    }

    @Test
    void whenTheConsentEndedOnASourceThatAlreadyWaitsOnTheUserThenItKeepsWhatItAsks() {
        Set<ConnectionState> waiting = EnumSet.of(ConnectionState.SCA_REQUIRED, ConnectionState.WEBAUTH_REQUIRED,
                ConnectionState.ADDITIONAL_INFORMATION_NEEDED, ConnectionState.DECOUPLED, ConnectionState.WRONGPASS,
                ConnectionState.PASSWORD_EXPIRED, ConnectionState.NOT_SUPPORTED);
        for (ConnectionState state : waiting) {
            assertThat(Transitions.callFor(state, Trigger.SYNC_CONSENT_EXPIRED)).as(state.wire())
                    .isEqualTo(Call.NONE);
        }
    }

    @Test
    void whenTheConsentEndedDuringABackgroundStepThenLocked() {
        assertThat(Transitions.callFor(ConnectionState.VALIDATING, Trigger.SYNC_CONSENT_EXPIRED))
                .isEqualTo(Call.LOCKED);
    }
}
