package dev.passerelle.server.berlingroup;

import dev.passerelle.server.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * A test of a Berlin Group bank through the public API: the running server ({@link IntegrationTest})
 * and {@link PsuWalks}. The test class keeps its {@link Xs2aBank} in a static field, closed after the
 * class ({@code @AutoClose}), and gives it to the server:
 *
 * <pre>{@code
 * @AutoClose
 * static final Xs2aBank BANK = Xs2aBank.builder().entry("consent-model", "detailed").start();
 *
 * @DynamicPropertySource
 * static void directory(DynamicPropertyRegistry registry) {
 *     BANK.configure(registry);
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(PsuWalks.class)
@interface BerlinGroupApiTest {
}
