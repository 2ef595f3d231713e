package dev.passerelle.multiinstance;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 item 5: webhook deliveries written by both instances reach the endpoint at least once
 * even when the instance posting one is killed before it learns the answer; a repeat carries the
 * same dedupe id, and no event is delivered twice under two ids.
 */
class WebhooksAcrossInstancesTest extends TwoInstances {

    WebhooksAcrossInstancesTest() throws Exception {
    }

    @Test
    void whenTheInstancePostingAWebhookIsKilledThenEveryEventArrivesAtLeastOnceAndARepeatKeepsItsDedupeId()
            throws Exception {
        try (WebhookListener listener = new WebhookListener()) {
            new Api(a).registerWebhook(listener.url(), List.of("USER_CREATED", "CONNECTION_SYNCED"));
            List<Long> connections = parConnections();
            startCycle();
            awaitCycleEnd();

            listener.listenHoldingFirstCall();
            assertThat(listener.awaitHeldCall()).as("a first call").isTrue();
            String sender = db.string("SELECT picked_by FROM scheduled_tasks WHERE task_name = 'send-webhooks' AND picked")
                    .orElseThrow();
            (sender.equals(a.name()) ? a : b).kill();
            listener.release();
            await("every delivery delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> db.count("SELECT COUNT(*) FROM webhook_delivery WHERE delivered IS NULL") == 0);

            System.out.printf("[figure] held webhook call posted again %d ms after the first post%n",
                    listener.heldCallRepeatedAfter().orElseThrow().toMillis());
            Map<Long, List<String>> received = listener.bodiesByDedupeId();
            assertThat(received.keySet()).as("dedupe ids received")
                    .containsExactlyInAnyOrderElementsOf(db.longs("SELECT id FROM webhook_delivery"));
            assertThat(received.values()).as("calls per dedupe id")
                    .allSatisfy(calls -> assertThat(Set.copyOf(calls)).as("a repeat is the same body").hasSize(1))
                    .anySatisfy(calls -> assertThat(calls).as("the held call, posted again").hasSizeGreaterThan(1));
            assertThat(received.values().stream().map(List::getFirst).collect(groupingBy(WebhookListener::subject, counting())))
                    .as("deliveries per user and connection")
                    .isEqualTo(expectedDeliveries(connections));
        }
    }

    /** One USER_CREATED per user; one CONNECTION_SYNCED per connection for its add and one for its background sync. */
    private Map<String, Long> expectedDeliveries(List<Long> connections) throws Exception {
        Map<String, Long> expected = new HashMap<>();
        db.longs("SELECT id FROM app_user").forEach(user -> expected.put("user " + user, 1L));
        connections.forEach(connection -> expected.put("connection " + connection, 2L));
        return expected;
    }
}
