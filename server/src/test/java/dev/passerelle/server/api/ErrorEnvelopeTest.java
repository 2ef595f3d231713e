package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ErrorEnvelopeTest {

    @Autowired
    TestApi api;

    @Test
    void unknownRouteAnswersNotFoundInTheEnvelopeWithTheRequestId() {
        TestApi.Response response = api.get("/no/such/route").send();

        assertThat(response.status()).isEqualTo(404);
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).isEqualTo("notFound");
        assertThat(body.has("description")).isTrue();
        assertThat(body.has("message")).isTrue();
        assertThat(body.get("request_id").asString()).isEqualTo(response.header("X-Request-ID"));
    }

    @Test
    void everyResponseCarriesAFreshRequestId() {
        String first = api.get("/no/such/route").send().header("X-Request-ID");
        String second = api.get("/no/such/route").send().header("X-Request-ID");

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }
}
