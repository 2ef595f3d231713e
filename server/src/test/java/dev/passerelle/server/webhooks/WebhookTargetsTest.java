package dev.passerelle.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhook targets as a default install guards them (server-side request forgery): no URL whose
 * host is or resolves to a non-public address is registered, and none is called, whatever it
 * resolved to when it was stored.
 */
@IntegrationTest
@TestPropertySource(properties = "passerelle.webhooks.allow-private-targets=false")
class WebhookTargetsTest extends WebhookTestBase {

    private static final String PUBLIC_URL = "https://93.184.215.14/hooks";

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hooks", "http://127.0.0.1:8080/2.0/users", "https://localhost/hooks", "http://[::1]/",
            "http://[::ffff:127.0.0.1]/", "http://[0:0:0:0:0:ffff:7f00:1]/", "http://2130706433/", "http://0x7f000001/",
            "http://0177.0.0.1/", "http://127.1/", "http://0.0.0.0/", "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/", "http://100.100.100.200/", "http://10.0.0.7/",
            "http://172.16.0.1/", "http://192.168.1.1/", "http://[fe80::1]/", "http://[fc00::1]/", "http://224.0.0.1/",
            "http://[ff02::1]/", "http://[::]/", "http://255.255.255.255/", "http://[64:ff9b::a9fe:a9fe]/",
            "HTTP://127.0.0.1/hooks", "hTTps://169.254.169.254/latest/meta-data/"})
    void aNonPublicTargetIsRefusedAtRegistrationAndNothingIsStored(String url) {
        long before = webhooks();

        TestApi.Response refused = admin.post("/webhooks", Map.of("url", url, "events", "USER_CREATED",
                "id_client", client.id()));

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(webhooks()).isEqualTo(before);
    }

    @Test
    void aPublicTargetIsRegistered() {
        assertThat(admin.register(client.id(), PUBLIC_URL, "USER_CREATED", "hmac").get("url").asString())
                .isEqualTo(PUBLIC_URL);
    }

    @Test
    void aSchemeInAnyCaseIsAcceptedAndStoredInLowerCase() {
        // RFC 3986 §3.1: schemes are case-insensitive, lower case canonical
        assertThat(admin.register(client.id(), "HTTPS://93.184.215.14/hooks", "USER_CREATED", "hmac").get("url").asString())
                .isEqualTo(PUBLIC_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void aStoredUrlThatReachesANonPublicAddressAtDeliveryTimeIsNotCalled(String host) {
        JsonNode hook = admin.register(client.id(), PUBLIC_URL, "USER_CREATED", "hmac");
        String local = receiver.url("/hooks").replace("127.0.0.1", host);
        jdbc.sql("UPDATE webhook SET url = :url WHERE id = :id").param("url", local).param("id", hook.get("id").asLong())
                .update(); // as if its name now resolved to the loopback (DNS rebinding)
        users.createPermanent(client.id());

        sender.sendDue();

        assertThat(receiver.received()).isEmpty();
        JsonNode delivery = admin.get("/webhooks/" + hook.get("id").asLong() + "/deliveries").json()
                .get("deliveries").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("pending");
        assertThat(delivery.get("last_error").asString()).contains("non-public address");
    }

    private long webhooks() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook").query(Long.class).single();
    }
}
