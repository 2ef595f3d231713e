package dev.passerelle.server.ops;

import dev.passerelle.server.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} with what operators switch on: the access log, and limits low enough
 * that a test reaches them (three {@code /auth} calls a minute, one connector call at a time per
 * connector, refused at once when it is taken). The tests that share it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "passerelle.access-log.enabled=true",
        "passerelle.limits.auth-per-minute=3",
        "passerelle.limits.connector-concurrency=1",
        "passerelle.limits.connector-wait=0s"})
@interface OpsIntegrationTest {
}
