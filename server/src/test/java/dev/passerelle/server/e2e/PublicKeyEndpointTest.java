package dev.passerelle.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PublicKeyEndpointTest {

    @Autowired
    TestApi api;

    @Test
    void publicKeyIsAnRsaEncryptionJwkWithAKidAndNoPrivatePart() {
        TestApi.Response response = api.get("/publickey").send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode jwk = response.json();
        assertThat(jwk.get("kty").asString()).isEqualTo("RSA");
        assertThat(jwk.get("kid").asString()).isNotBlank();
        assertThat(jwk.get("alg").asString()).isEqualTo("RSA-OAEP-256");
        assertThat(jwk.get("use").asString()).isEqualTo("enc");
        assertThat(jwk.has("n")).isTrue();
        assertThat(jwk.has("d")).isFalse();
        assertThat(jwk.has("p")).isFalse();
    }

    @Test
    void jwksListsThePublishedKeyFirst() {
        String kid = api.get("/publickey").send().json().get("kid").asString();

        JsonNode keys = api.get("/.well-known/jwks.json").send().json().get("keys");

        assertThat(keys.get(0).get("kid").asString()).isEqualTo(kid);
        assertThat(keys.get(0).has("d")).isFalse();
    }
}
