package dev.passerelle.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238's test vectors (Appendix B) and RFC 4648's base32 ones (§10). */
class TotpTest {

    static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void theRfcVectors(long time, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(time));

        assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void aCodeMatchesItsStepAndTheNeighboursOnly() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);

        assertThat(Totp.match(SHA1_KEY, Totp.code(SHA1_KEY, step, 6, "HmacSHA1"), now)).hasValue(step);
        assertThat(Totp.match(SHA1_KEY, Totp.code(SHA1_KEY, step - 1, 6, "HmacSHA1"), now)).hasValue(step - 1);
        assertThat(Totp.match(SHA1_KEY, Totp.code(SHA1_KEY, step + 1, 6, "HmacSHA1"), now)).hasValue(step + 1);
        assertThat(Totp.match(SHA1_KEY, Totp.code(SHA1_KEY, step - 2, 6, "HmacSHA1"), now)).isEmpty();
        assertThat(Totp.match(SHA1_KEY, "12345", now)).isEmpty();
        assertThat(Totp.match(SHA1_KEY, null, now)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32(String text, String encoded) {
        assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(new String(Base32.decode(encoded.toLowerCase() + "=="), StandardCharsets.US_ASCII)).isEqualTo(text);
    }
}
