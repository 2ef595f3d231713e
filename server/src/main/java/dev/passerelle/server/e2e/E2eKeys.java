package dev.passerelle.server.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.passerelle.server.config.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The RSA key pairs that decrypt end-to-end encrypted field values. Keys are private JWK files in
 * {@code passerelle.e2e.keys-dir} (default {@code <data-dir>/keys/e2e}), one per {@code kid}; when the
 * directory holds none, one 3072-bit key is generated on first start and kept. The published key is
 * {@code passerelle.e2e.active-kid}, or the last file in name order ({@code k1}, {@code k2}, …); every other key still decrypts, so a
 * rotation never breaks a client that fetched the previous public key.
 */
@Component
public class E2eKeys {

    private static final int KEY_BITS = 3072;

    private final Map<String, RSAKey> byKid;
    private final RSAKey active;

    public E2eKeys(E2eProperties properties, DataDirectory dataDirectory) {
        Path dir = properties.keysDir() != null ? properties.keysDir() : dataDirectory.root().resolve("keys/e2e");
        List<RSAKey> keys = load(dir);
        if (keys.isEmpty()) {
            dataDirectory.secretAt(dir.resolve("k1.jwk.json"), () -> generate("e2e-" + UUID.randomUUID()).toJSONString());
            keys = load(dir);
        }
        this.byKid = keys.stream().collect(Collectors.toUnmodifiableMap(RSAKey::getKeyID, Function.identity()));
        String activeKid = properties.activeKid();
        this.active = activeKid == null ? keys.getLast() : Optional.ofNullable(byKid.get(activeKid))
                .orElseThrow(() -> new IllegalStateException("passerelle.e2e.active-kid names no key in " + dir));
    }

    private static List<RSAKey> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<RSAKey> keys = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jwk.json"))
                    .sorted(Comparator.comparing(Path::getFileName)).toList()) {
                RSAKey key = RSAKey.parse(Files.readString(file));
                if (!key.isPrivate() || key.getKeyID() == null) {
                    throw new IllegalStateException(file + " must be a private RSA JWK with a kid");
                }
                keys.add(key);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read end-to-end keys in " + dir, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Invalid JWK in " + dir + ": " + e.getMessage(), e);
        }
    }

    static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(KEY_BITS).keyID(kid).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.RSA_OAEP_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    /** The key clients should encrypt with, public part only. */
    public RSAKey publishedKey() {
        return active.toPublicJWK();
    }

    /** Every public key, the published one first ({@code /.well-known/jwks.json}). */
    public JWKSet publicKeySet() {
        List<RSAKey> keys = new ArrayList<>();
        keys.add(active.toPublicJWK());
        byKid.values().stream().filter(k -> !k.getKeyID().equals(active.getKeyID()))
                .sorted(Comparator.comparing(RSAKey::getKeyID))
                .forEach(k -> keys.add(k.toPublicJWK()));
        return new JWKSet(new ArrayList<>(keys));
    }

    /** The private key of {@code kid}, if it is one of ours. */
    Optional<RSAKey> privateKey(String kid) {
        return Optional.ofNullable(kid).map(byKid::get);
    }

    /** {@code passerelle.e2e.*}. */
    @ConfigurationProperties("passerelle.e2e")
    public record E2eProperties(Path keysDir, String activeKid, boolean requireEncryption) {
    }
}
