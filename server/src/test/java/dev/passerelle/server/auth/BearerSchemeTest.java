package dev.passerelle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code Authorization: Bearer <token>} (RFC 6750 §2.1) as clients write it, and what is not it. */
@IntegrationTest
class BearerSchemeTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Bearer %s", "bearer %s", "BEARER\t%s", "Bearer   %s  ", "Bearer \t %s"})
    void theSchemeInAnyCaseAndAnyWhitespaceBeforeTheTokenAuthenticate(String form) {
        TestApi.RawResponse response = whoAmI(form.formatted(users.permanent().token()));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Basic %s", "Bearer", "Bearer   ", "Bearer%s", "Token %s", "%s"})
    void anotherSchemeOrNoTokenIsUnauthorizedInTheEnvelope(String form) {
        TestApi.RawResponse response = whoAmI(form.formatted(users.permanent().token()));

        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("unauthorized");
    }

    private TestApi.RawResponse whoAmI(String authorization) {
        return api.raw("GET /2.0/users/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization);
    }
}
