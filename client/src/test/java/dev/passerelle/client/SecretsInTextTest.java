package dev.passerelle.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.client.WebhookStream.Delivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an integrator's log line shows of the SDK's values that carry secrets: never the secret. */
class SecretsInTextTest {

    @Test
    void aConnectionUpdateShowsItsFieldNamesNotTheirValues() {
        String shown = ConnectionUpdate.fields(Map.of("password", "hunter2", "openapisms", "482913")).toString();

        assertThat(shown).contains("password", "openapisms").doesNotContain("hunter2", "482913");
    }

    @Test
    void aDeliveryShowsNeitherTheBearerSecretNorTheBody() {
        Delivery delivery = new Delivery(12, 3, "CONNECTION_SYNCED", "http://localhost:3000/hooks",
                Map.of("Authorization", List.of("Bearer whsec-endpoint-secret")), "{\"user\": {\"id\": 1}}");

        assertThat(delivery.toString()).contains("12", "CONNECTION_SYNCED")
                .doesNotContain("whsec-endpoint-secret", "\"user\"");
    }
}
