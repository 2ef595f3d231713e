package dev.passerelle.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.server.config.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtRestCipherTest {

    @TempDir
    Path dataDir;

    private AtRestCipher generated() {
        return new AtRestCipher(new AtRestCipher.AtRestKeys(Map.of(), null), new DataDirectory(dataDir));
    }

    @Test
    void withoutConfiguredKeysAKeyIsGeneratedOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        String sealed = generated().encrypt("secret", "p");

        assertThat(generated().decrypt(sealed, "p")).isEqualTo("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/at-rest-k1.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theCiphertextDoesNotContainTheCleartext() {
        assertThat(generated().encrypt("my-password-1234", "p")).doesNotContain("my-password-1234");
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        AtRestCipher cipher = generated();
        String sealed = cipher.encrypt("secret", "connection.credentials");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "connection_source.session")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        AtRestCipher cipher = generated();

        assertThat(cipher.encrypt("secret", "p")).isNotEqualTo(cipher.encrypt("secret", "p"));
    }
}
