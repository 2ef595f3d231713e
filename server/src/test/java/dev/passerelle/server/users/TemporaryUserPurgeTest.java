package dev.passerelle.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class TemporaryUserPurgeTest {

    @Autowired
    UserAccounts users;
    @Autowired
    TestUsers testUsers;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void purgeDeletesTemporaryUsersOlderThanThirtyMinutes() {
        long temporary = users.createTemporary().id();

        clock.advance(Duration.ofMinutes(30));
        users.purgeExpiredTemporaryUsers();

        assertThat(users.find(temporary)).isEmpty();
    }

    @Test
    void purgeKeepsTemporaryUsersStillWithinThirtyMinutes() {
        long temporary = users.createTemporary().id();

        clock.advance(Duration.ofMinutes(29));
        users.purgeExpiredTemporaryUsers();

        assertThat(users.find(temporary)).isPresent();
    }

    @Test
    void purgeKeepsPermanentUsers() {
        long permanent = testUsers.permanent().id();

        clock.advance(Duration.ofDays(1));
        users.purgeExpiredTemporaryUsers();

        assertThat(users.find(permanent)).isPresent();
    }

    @Test
    void purgeIsScheduledWithDbScheduler() {
        assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list())
                .contains("purge-temporary-users");
    }
}
