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
// A short bounded wait keeps "resume=true on a decoupled validation not yet given" quick to test.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "passerelle.connections.resume-wait=2s")
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestSupportConfig.class, TestUsers.class})
public @interface IntegrationTest {
}
