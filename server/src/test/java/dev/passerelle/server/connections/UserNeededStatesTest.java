package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.WireTime;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * States that need the user (docs/protocol.md §4 "Needs user? yes") are never retried unattended: they carry no
 * {@code next_try}, so the background sync does not pick them until the user acts.
 */
@SandboxMode
class UserNeededStatesTest extends TestBankUserTest {

    @Autowired
    MutableClock clock;

    @Test
    void whenScaRequiredThenNoNextTry() {
        long id = bank.added("SCARequired");

        assertNeverRetried(bank.sync(id, false).json(), "SCARequired");
    }

    @Test
    void whenWebauthRequiredThenNoNextTry() {
        long id = bank.add(TestBank.fields("webauthRequired").onOpenapi()).json().get("id").asLong();

        assertNeverRetried(bank.sync(id, false).json(), "webauthRequired");
    }

    @Test
    void whenWrongpassThenNoNextTry() {
        long id = bank.added("par");
        bank.update(id, Map.of("password", "0000"));

        assertNeverRetried(bank.get(id).json(), "wrongpass");
    }

    @Test
    void whenPasswordExpiredThenNoNextTry() {
        long id = bank.added("par");
        bank.update(id, Map.of("directaccesswebsite", "passwordExpired"));

        assertNeverRetried(bank.get(id).json(), "passwordExpired");
    }

    @Test
    void whenADecoupledValidationRunsInTheBackgroundAndIsNotGivenThenNoNextTry() {
        TestApi.Response added = bank.add(TestBank.fields("longDecoupled"));
        long id = added.json().get("id").asLong();

        bank.update(id, "?background=true", Map.of("resume", "true"));

        assertNeverRetried(bank.awaitSettled(id), "decoupled");
    }

    /** Not a retry: the user acts at the bank, out of band, and a later sync (auto or PUT) succeeds (docs/protocol.md §4). */
    @Test
    void whenActionIsNeededAtTheBankThenOnlyThePeriodicSyncComesBack() {
        long id = bank.added("par");
        bank.update(id, Map.of("directaccesswebsite", "actionNeeded"));

        JsonNode connection = bank.get(id).json();

        assertThat(connection.get("state").asString()).isEqualTo("actionNeeded");
        assertThat(WireTime.instant(connection.get("next_try"))).isAfter(clock.instant().plus(Duration.ofHours(23)));
    }

    private void assertNeverRetried(JsonNode connection, String state) {
        assertThat(connection.get("state").asString()).isEqualTo(state);
        assertThat(connection.get("next_try").isNull()).as("next_try of %s", state).isTrue();
        JsonNode sources = api.get("/users/me/connections/" + connection.get("id").asLong() + "/sources")
                .bearer(bank.token()).send().json().get("sources");
        assertThat(sources.findValues("next_try")).allMatch(JsonNode::isNull);
    }
}
