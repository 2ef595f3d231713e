package dev.passerelle.server.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/** Beans every {@link IntegrationTest} can inject. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    @Lazy
    TestApi testApi(@LocalServerPort int port) {
        return new TestApi("http://localhost:" + port + "/2.0");
    }
}
