package dev.passerelle.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the running server over real HTTP on a random port, on the database chosen by
 * {@code -Dpasserelle.test.db} (H2 by default, {@code postgres} in CI; see {@link TestDatabase}),
 * with a {@link MutableClock} in place of the system clock. Inject {@link TestApi} to call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// A short bounded wait keeps "resume=true on a decoupled validation not yet given" quick to test;
// every test calls from 127.0.0.1, so the per-address limits are lifted (their own tests set them);
// only warnings are logged, to keep CI output readable (SecretsDoNotLeakTest logs everything);
// client secrets are bcrypt-hashed at the lowest cost, as hundreds of tests authenticate clients;
// webhooks are delivered to receivers on 127.0.0.1 (WebhookTargetsTest turns the guard back on).
// The recurring background sync, the background polls of decoupled validations and the webhook
// sender wait ten years, beyond any move of the test clock: tests run that work by calling it, and
// a concurrent run would take the connection's lease or reorder deliveries under them.
// TestClockTest turns the sync poll back on, DecoupledPollingSchedulerTest the decoupled polls.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.connections.resume-wait=2s",
        "passerelle.crypto.client-secret-cost=4",
        "passerelle.webhooks.allow-private-targets=true",
        "passerelle.sync.poll-interval=" + IntegrationTest.BACKGROUND_PAUSE,
        "passerelle.connections.decoupled-poll-interval=" + IntegrationTest.BACKGROUND_PAUSE,
        "passerelle.webhooks.send-interval=" + IntegrationTest.BACKGROUND_PAUSE,
        "logging.level.root=WARN",
        "passerelle.limits.auth-per-minute=1000000",
        "passerelle.limits.connection-creates-per-minute=1000000",
        "passerelle.limits.connection-creates-per-address-per-minute=1000000"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestSupportConfig.class, TestUsers.class})
public @interface IntegrationTest {

    String BACKGROUND_PAUSE = "3650d";
}
