package dev.passerelle.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OffsetClockTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void readsTheBaseClockPlusEveryAdvance() {
        OffsetClock clock = new OffsetClock(Clock.fixed(T0, ZoneOffset.UTC));

        clock.advance(Duration.ofDays(1));
        clock.advance(Duration.ofHours(2));

        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(26)));
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void neverMovesBack() {
        OffsetClock clock = new OffsetClock(Clock.fixed(T0, ZoneOffset.UTC));

        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void insideAUserScopeTheClockReadsThatUsersTimeAndTheServersTimeOutside() {
        OffsetClock clock = new OffsetClock(Clock.fixed(T0, ZoneOffset.UTC));
        clock.followUsers(Duration::ofHours);
        clock.advance(Duration.ofDays(1));

        assertThat(UserTime.call(2, clock::instant)).isEqualTo(T0.plus(Duration.ofHours(26)));
        assertThat(UserTime.call(2, clock::serverInstant)).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void anInnerUserScopeWinsUntilItsWorkReturns() {
        OffsetClock clock = new OffsetClock(Clock.fixed(T0, ZoneOffset.UTC));
        clock.followUsers(Duration::ofHours);

        UserTime.run(2, () -> {
            assertThat(UserTime.call(5, clock::instant)).isEqualTo(T0.plus(Duration.ofHours(5)));
            assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
        });
        assertThat(UserTime.current()).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    static class ServerClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ServerClock.class, SandboxClockConfig.class);

    @Test
    void inSandboxModeTheServerClockIsMovable() {
        context.withPropertyValues("passerelle.sandbox.enabled=true")
                .run(ctx -> assertThat(ctx.getBean(Clock.class)).isInstanceOf(OffsetClock.class));
    }

    @Test
    void outsideSandboxModeTheServerClockIsTheSystemClock() {
        context.run(ctx -> assertThat(ctx.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
    }
}
