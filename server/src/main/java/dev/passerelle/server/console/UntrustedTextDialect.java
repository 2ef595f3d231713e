package dev.passerelle.server.console;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * The console templates' {@code untrusted:} attributes ({@link UntrustedTextProcessor}); Spring Boot
 * adds every dialect bean to the template engine.
 */
@Component
class UntrustedTextDialect extends AbstractProcessorDialect {

    UntrustedTextDialect() {
        super("Untrusted text", "untrusted", StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new UntrustedTextProcessor(dialectPrefix));
    }
}
