package dev.passerelle.server.sync;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Base of the background sync tests: a user of its own, the clock put back on real time after each test. */
@IntegrationTest
abstract class BackgroundSyncTest {

    /** Past the connectors' daily sync period. */
    static final Duration ONE_DAY_LATER = Duration.ofDays(1).plusMinutes(1);

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    MutableClock clock;
    @Autowired
    BackgroundSync sync;
    @Autowired
    DueConnections due;

    TestUser user;

    @BeforeEach
    void newUser() {
        user = users.permanent();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    JsonNode connection(long id) {
        return api.get("/users/me/connections/" + id).bearer(user.token()).send().json();
    }

    /** The connection's timeline, newest first. */
    JsonNode logs(long id) {
        return api.get("/users/me/connections/" + id + "/logs").bearer(user.token()).send().json().get("connectionlogs");
    }

    boolean isDue(long id) {
        return new BackgroundSyncSteps(sync, due).isDue(id);
    }
}
