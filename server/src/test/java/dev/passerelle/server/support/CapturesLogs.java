package dev.passerelle.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * For an {@link IntegrationTest} that reads the server's log lines (inject
 * {@code CapturedOutput}): our code logs at DEBUG and libraries at INFO, instead of the warnings
 * only that the other tests keep. Every such test shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.root=INFO", "logging.level.dev.passerelle=DEBUG"})
public @interface CapturesLogs {
}
