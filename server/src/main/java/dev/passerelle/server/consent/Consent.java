package dev.passerelle.server.consent;

import dev.passerelle.server.consent.DiscoveredRows.Kind;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user's consent on one discovered account or subscription (docs/protocol.md §7.1 "Activation /
 * consent", §7.3). Granting it clears {@code disabled} and fetches the item's data at once, in the
 * request; withdrawing it sets {@code disabled} and deletes the item's transactions (and, through
 * {@link ConsentChanged}, its investments) or documents (GDPR: nothing is kept without consent).
 * Repeating either is a no-op; a change publishes {@link ConsentChanged}.
 */
@Component
public class Consent {

    private final DiscoveredRows rows;
    private final ConsentedData data;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Consent(DiscoveredRows rows, ConsentedData data, TransactionTemplate tx,
                   ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.data = data;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param disabledNow whether the item is disabled before the change
     * @param disable     {@code true} withdraws consent, {@code false} grants it
     */
    public void set(Kind kind, long id, boolean disabledNow, boolean disable) {
        if (disabledNow && !disable) {
            rows.setDisabled(kind, id, null);
            data.fetch(kind, id);
            events.publishEvent(new ConsentChanged(kind, id, false));
        } else if (!disabledNow && disable) {
            tx.executeWithoutResult(status -> {
                rows.setDisabled(kind, id, clock.instant());
                data.delete(kind, id);
                // Inside the transaction: what else the item's consent covered (investments) goes with it.
                events.publishEvent(new ConsentChanged(kind, id, true));
            });
        }
    }
}
