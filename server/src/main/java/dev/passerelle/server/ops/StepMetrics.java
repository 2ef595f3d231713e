package dev.passerelle.server.ops;

import dev.passerelle.server.connections.StepEnded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the steps run on connection sources ({@code passerelle.connection.steps}) by connector, by
 * who caused them ({@code user}, {@code scheduler}…) and by the state they left the source in, in
 * the protocol's vocabulary ({@code ok} for none): the rate of {@code wrongpass} or
 * {@code websiteUnavailable} per connector is what tells an operator an institution changed.
 */
@Component
class StepMetrics {

    static final String STEPS = "passerelle.connection.steps";

    private final MeterRegistry meters;

    StepMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void onStep(StepEnded step) {
        Counter.builder(STEPS)
                .description("Steps run on connection sources, by connector, actor and resulting state")
                .tag("connector", step.connector().uuid().toString())
                .tag("connector_name", step.connector().name())
                .tag("actor", step.actor().wire())
                .tag("outcome", step.state() == null ? "ok" : step.state().wire())
                .register(meters).increment();
    }
}
