package dev.passerelle.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.jwk.RSAKey;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.config.DataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class FieldDecryptorTest {

    @TempDir
    Path dataDir;

    private E2eKeys keys(String activeKid) {
        return new E2eKeys(new E2eKeys.E2eProperties(null, activeKid, false), new DataDirectory(dataDir));
    }

    private FieldDecryptor decryptor(E2eKeys keys, boolean requireEncryption) {
        return new FieldDecryptor(keys, new E2eKeys.E2eProperties(null, null, requireEncryption));
    }

    @Test
    void aValueEncryptedForThePublishedKeyDecrypts() {
        E2eKeys keys = keys(null);

        String clear = decryptor(keys, false).decrypt("password", Jwe.encrypt(keys.publishedKey(), "1234"));

        assertThat(clear).isEqualTo("1234");
    }

    @Test
    void a256CbcHs512IsAcceptedAsInThePowensSwiftExample() {
        E2eKeys keys = keys(null);

        String jwe = Jwe.encrypt(keys.publishedKey(), "1234", EncryptionMethod.A256CBC_HS512);

        assertThat(decryptor(keys, false).decrypt("password", jwe)).isEqualTo("1234");
    }

    @Test
    void cleartextPassesWhenEncryptionIsNotRequired() {
        assertThat(decryptor(keys(null), false).decrypt("login", "alice")).isEqualTo("alice");
    }

    @Test
    void cleartextIsRefusedWhenEncryptionIsRequired() {
        assertThatThrownBy(() -> decryptor(keys(null), true).decrypt("password", "1234"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE));
    }

    @Test
    void aValueForAnUnknownKidIsAClearInvalidValue() {
        RSAKey stranger = E2eKeys.generate("someone-else").toPublicJWK();

        assertThatThrownBy(() -> decryptor(keys(null), false).decrypt("password", Jwe.encrypt(stranger, "1234")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE);
                    assertThat(e.description()).contains("unknown key id");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"alg\":\"none\"}", "{\"alg\":\"none\",\"enc\":\"A256GCM\"}",
            "{\"alg\":\"RSA-OAEP-256\"}", "{}", "[]", "null", "{\"alg\":\"dir\",\"enc\":\"A256GCM\"}"})
    void aJweWithAMalformedHeaderIsAClearInvalidValue(String header) {
        String jwe = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + ".AAAA.AAAA.AAAA.AAAA";

        assertThatThrownBy(() -> decryptor(keys(null), false).decrypt("password", jwe))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE));
    }

    @Test
    void aTamperedCiphertextIsRejected() {
        E2eKeys keys = keys(null);
        String[] parts = Jwe.encrypt(keys.publishedKey(), "1234").split("\\.");
        parts[3] = parts[3].charAt(0) == 'A' ? "B" + parts[3].substring(1) : "A" + parts[3].substring(1);

        assertThatThrownBy(() -> decryptor(keys, false).decrypt("password", String.join(".", parts)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.description()).contains("cannot be decrypted"));
    }

    @Test
    void aFivePartValueThatIsNotAJweIsRejectedRatherThanTakenAsCleartext() {
        assertThatThrownBy(() -> decryptor(keys(null), false).decrypt("password", "a.b.c.d.e"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE));
    }

    @Test
    void afterRotationTheOldKeyStillDecryptsWhileTheNewOneIsPublished() throws IOException {
        E2eKeys first = keys(null);
        RSAKey oldPublic = first.publishedKey();
        Files.writeString(dataDir.resolve("keys/e2e/k2.jwk.json"), E2eKeys.generate("second").toJSONString());

        E2eKeys rotated = keys(null);

        assertThat(rotated.publishedKey().getKeyID()).isEqualTo("second");
        assertThat(decryptor(rotated, false).decrypt("password", Jwe.encrypt(oldPublic, "1234"))).isEqualTo("1234");
        assertThat(rotated.publicKeySet().getKeys()).hasSize(2);
    }

    @Test
    void theGeneratedKeyIsKeptAcrossRestarts() {
        String kid = keys(null).publishedKey().getKeyID();

        assertThat(keys(null).publishedKey().getKeyID()).isEqualTo(kid);
    }

    @Test
    void exemptMetaKeysAreNotDecrypted() {
        E2eKeys keys = keys(null);
        Map<String, String> clear = decryptor(keys, true).decryptAll(
                Map.of("id_connector", "40", "password", Jwe.encrypt(keys.publishedKey(), "1234")), Set.of("id_connector"));

        assertThat(clear).containsEntry("id_connector", "40").containsEntry("password", "1234");
    }
}
