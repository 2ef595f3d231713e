package dev.passerelle.sandboxbank;

import dev.passerelle.runtime.host.SealedColumn;
import dev.passerelle.runtime.host.SourceSwitch;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.AbstractResourceBasedMessageSource;

/**
 * The sandbox bank in a Passerelle server, which has it on its class path at run time only and
 * finds it here ({@code META-INF/spring/…AutoConfiguration.imports}). It asks the server only for
 * what the connector runtime's host interfaces describe: the public base URL, encryption at rest, and
 * the database, clock and JSON mapper every Spring Boot application has.
 */
@AutoConfiguration
public class SandboxBankAutoConfiguration {

    /** The server's sandbox mode, off by default: the bank is served only then, never in production. */
    static final String SANDBOX_MODE = "passerelle.sandbox.enabled";

    /** The bank's words, beside the server's own bundles: {@code sandbox-bank/messages*.properties}. */
    static final String MESSAGES = "sandbox-bank/messages";

    /**
     * The column {@link BankAuthorizations} seals, declared for key rotation whether or not sandbox mode
     * is on: rows written while it was on must move to a new key all the same.
     */
    @Bean
    SealedColumn sandboxBankJourney() {
        return new SealedColumn("sandbox_bank_authorization", "journey", BankAuthorizations.JOURNEY);
    }

    @Bean
    @ConditionalOnProperty(name = SANDBOX_MODE, havingValue = "false", matchIfMissing = true)
    SourceSwitch sandboxBankOff() {
        return new SandboxBankOff();
    }

    /** The bank's pages and token endpoint, in sandbox mode only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = SANDBOX_MODE, havingValue = "true")
    @EnableConfigurationProperties(SandboxBankProperties.class)
    @Import({RegisteredClient.class, BankAuthorizations.class, BankPages.class, SandboxBankController.class,
            TokenEndpoint.class})
    static class Served {

        /** Adds the bank's bundles to the application's message source, which the templates read. */
        @Bean
        static BeanPostProcessor sandboxBankMessages() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof AbstractResourceBasedMessageSource messages && "messageSource".equals(name)) {
                        messages.addBasenames(MESSAGES);
                    }
                    return bean;
                }
            };
        }
    }
}
