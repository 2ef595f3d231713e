package dev.passerelle.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * For an {@link IntegrationTest} that reads the server's log lines (inject
 * {@code CapturedOutput}): during each test our code logs at DEBUG and libraries at INFO, instead
 * of the warnings only that the other tests keep. The levels are set per test because logging is
 * global to the JVM: the last application context started would otherwise decide them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({OutputCaptureExtension.class, CapturesLogs.Levels.class})
public @interface CapturesLogs {

    /** Raises the levels before each test and puts the suite's back after it. */
    final class Levels implements BeforeEachCallback, AfterEachCallback {

        private static final String OURS = "dev.passerelle";

        @Override
        public void beforeEach(ExtensionContext context) {
            LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
            logging.setLogLevel(OURS, LogLevel.DEBUG);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
            logging.setLogLevel(OURS, null);
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        }
    }
}
