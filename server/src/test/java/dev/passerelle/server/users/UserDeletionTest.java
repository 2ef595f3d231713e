package dev.passerelle.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.domainconfig.DomainConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestUsers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@IntegrationTest
class UserDeletionTest {

    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    DomainConfig config;
    @Autowired
    UserKeys keys;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** Each event the deletion publishes, with whether a transaction was open when it came. */
    record Seen(Object event, boolean inTransaction) {
    }

    @Test
    void consentsAreWithdrawnOutsideTheDeletionsTransactionAndTheUserGoesOnce() {
        long user = testUsers.permanent().id();
        List<Seen> seen = new ArrayList<>();
        UserAccounts users = new UserAccounts(jdbc, clock,
                event -> seen.add(new Seen(event, TransactionSynchronizationManager.isActualTransactionActive())),
                config, keys, transactionManager);
        Long client = users.find(user).orElseThrow().clientId();

        assertThat(users.delete(user)).isTrue();
        assertThat(users.delete(user)).isFalse();

        assertThat(seen).extracting(Seen::event).containsExactly(new UserDeleting(user), new UserDeleted(user, client));
        assertThat(seen.getFirst().inTransaction()).as("UserDeleting, whose listeners call banks").isFalse();
        assertThat(seen.getLast().inTransaction()).as("UserDeleted, which commits with the deletion").isTrue();
        assertThat(users.find(user)).isEmpty();
    }

    @Test
    void aDeletionThatAnotherOneOvertookWhileConsentsWereWithdrawnSaysSoAndAnnouncesNothing() {
        long user = testUsers.permanent().id();
        List<Object> seen = new ArrayList<>();
        UserAccounts users = new UserAccounts(jdbc, clock, event -> {
            seen.add(event);
            if (event instanceof UserDeleting) {
                jdbc.sql("DELETE FROM app_user WHERE id = :id").param("id", user).update();
            }
        }, config, keys, transactionManager);

        assertThat(users.delete(user)).isFalse();

        assertThat(seen).containsExactly(new UserDeleting(user));
    }
}
