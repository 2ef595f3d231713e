package dev.passerelle.server.config;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sandbox mode ({@code passerelle.sandbox.enabled=true}, off by default): the real-time server
 * clock becomes an {@link OffsetClock} that {@code POST /test/clock} moves. Production keeps the
 * plain system clock; a clock that is not the JDK's own (a test's) is left as it is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class SandboxClockConfig {

    @Bean
    static BeanPostProcessor offsettableServerClock() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof Clock clock && clock.getClass().getPackageName().equals("java.time")
                        ? new OffsetClock(clock) : bean;
            }
        };
    }
}
