package dev.passerelle.server.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the server. Every expiry, schedule and timestamp reads it, so tests
 * (and the sandbox test clock) can move time instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * db-scheduler reads the same clock, so that a task scheduled "now" by the server is due now for
     * the scheduler too, whichever way tests or the sandbox move time. In sandbox mode it reads the
     * server's time even inside the work of a user whose own clock was moved: a task queued then
     * is due at once, not when the server's time catches up with the user's.
     */
    @Bean
    com.github.kagkarlsson.scheduler.Clock schedulerClock(Clock clock) {
        return clock instanceof OffsetClock sandbox ? sandbox::serverInstant : clock::instant;
    }
}
