package dev.passerelle.server.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Only in sandbox mode ({@code passerelle.sandbox.enabled=true}, off by default): the movable test
 * clocks and, in its own module on the same property, the simulated PSD2 bank, which a production
 * install must not serve.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = ConditionalOnSandboxMode.PROPERTY, havingValue = "true")
public @interface ConditionalOnSandboxMode {

    String PROPERTY = "passerelle.sandbox.enabled";
}
