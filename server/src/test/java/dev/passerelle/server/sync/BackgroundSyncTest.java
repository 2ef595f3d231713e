package dev.passerelle.server.sync;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.sync.DueConnections.Due;
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

    /** Other tests' connections may be due too, so look through all of them. */
    boolean isDue(long id) {
        return due.oldestFirst(Integer.MAX_VALUE).stream().map(Due::connectionId).anyMatch(c -> c == id);
    }
}
