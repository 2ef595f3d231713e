package dev.passerelle.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} in sandbox mode ({@code passerelle.sandbox.enabled=true}): the sandbox
 * bank is served and the test connector's {@code openapi} source, which logs in there, is enabled.
 * Every test class so marked shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "passerelle.sandbox.enabled=true")
public @interface SandboxMode {
}
