package dev.passerelle.server;

import dev.passerelle.server.crypto.AtRestRekey;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Passerelle: a self-hosted server speaking the Powens (Budget Insight) API 2.0 protocol.
 *
 * <p>{@code java -jar passerelle-server.jar} serves the API. {@code java -jar passerelle-server.jar rekey}
 * instead re-encrypts every secret at rest under the active key (see docs/security.md) and exits.
 *
 * <p>No class of the application calls a {@code @Bean} method of another, so none is subclassed
 * for that ({@code proxyBeanMethods = false}): each subclass costs the start a generated class.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class PasserelleApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "rekey".equals(args[0])) {
            SpringApplication command = new SpringApplication(PasserelleApplication.class);
            command.setWebApplicationType(WebApplicationType.NONE);
            try (ConfigurableApplicationContext context = command.run(Arrays.copyOfRange(args, 1, args.length))) {
                context.getBean(AtRestRekey.class).rekey();
            }
            return;
        }
        SpringApplication.run(PasserelleApplication.class, args);
    }
}
