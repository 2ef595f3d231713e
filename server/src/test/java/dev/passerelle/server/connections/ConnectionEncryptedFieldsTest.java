package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.passerelle.server.e2e.Jwe;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Field values end-to-end encrypted for {@code GET /publickey} are decrypted before validation (docs/protocol.md §6). */
class ConnectionEncryptedFieldsTest extends TestBankUserTest {

    RSAKey key;

    @BeforeEach
    void fetchThePublishedKey() throws Exception {
        key = RSAKey.parse(api.get("/publickey").send().text());
    }

    @Test
    void createWithAnEncryptedPasswordThenTheInstitutionSeesTheCleartext() {
        TestApi.Response response = bank.add(TestBank.fields("par").with("password", Jwe.encrypt(key, "1234")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state").isNull()).isTrue();
    }

    @Test
    void anEncryptedOtpAnswerIsDecryptedToo() {
        long id = bank.add(TestBank.fields("additionalInformationNeeded")).json().get("id").asLong();

        TestApi.Response answered = bank.update(id, Map.of("openapisms", Jwe.encrypt(key, "abcd")));

        assertThat(answered.status()).isEqualTo(200);
    }

    @Test
    void anEncryptedScenarioValueIsValidatedAfterDecryption() {
        TestApi.Response response = bank.add(TestBank.fields("par").with("directaccesswebsite", Jwe.encrypt(key, "nope")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("config");
    }

    @Test
    void aTamperedValueIsABadRequestAndNothingIsKept() {
        String jwe = Jwe.encrypt(key, "1234");
        String tampered = jwe.substring(0, jwe.length() - 4) + (jwe.endsWith("AAAA") ? "BBBB" : "AAAA");

        TestApi.Response response = bank.add(TestBank.fields("par").with("password", tampered));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(bank.list().json().get("total").asInt()).isZero();
    }
}
