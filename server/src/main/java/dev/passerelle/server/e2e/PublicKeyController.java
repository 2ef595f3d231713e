package dev.passerelle.server.e2e;

import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.NonNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the end-to-end encryption key: {@code GET /publickey} returns the published key as one
 * JWK (RFC 7517 §4, with {@code kid}, {@code use: enc}, {@code alg: RSA-OAEP-256}); the JWK set of
 * every key that still decrypts is at {@code GET /.well-known/jwks.json} (RFC 7517 §5).
 */
@Tag(name = "Encryption", description = "The keys clients encrypt connector field values with (JWE, docs/protocol.md).")
@RestController
public class PublicKeyController {

    private final E2eKeys keys;

    public PublicKeyController(E2eKeys keys) {
        this.keys = keys;
    }

    /** A public RSA key as a JWK (RFC 7517 §4; its members RFC 7518 §6.3.1). */
    record PublicJwk(@Schema(allowableValues = "RSA") @NonNull String kty, @NonNull String kid,
                     @Schema(allowableValues = "enc") @NonNull String use,
                     @Schema(allowableValues = "RSA-OAEP-256") @NonNull String alg,
                     @Schema(description = "The modulus, base64url") @NonNull String n,
                     @Schema(description = "The public exponent, base64url") @NonNull String e) {
        static PublicJwk of(RSAKey key) {
            return new PublicJwk(key.getKeyType().getValue(), key.getKeyID(), key.getKeyUse().identifier(),
                    key.getAlgorithm().getName(), key.getModulus().toString(), key.getPublicExponent().toString());
        }
    }

    /** A JWK set (RFC 7517 §5). */
    record PublicJwkSet(@NonNull List<PublicJwk> keys) {
    }

    @Operation(summary = "The key to encrypt connector field values with")
    @GetMapping("/publickey")
    PublicJwk publicKey() {
        return PublicJwk.of(keys.publishedKey());
    }

    @Operation(summary = "Every key that still decrypts, the published one first")
    @GetMapping("/.well-known/jwks.json")
    PublicJwkSet jwks() {
        return new PublicJwkSet(keys.publicKeySet().getKeys().stream().map(key -> PublicJwk.of(key.toRSAKey())).toList());
    }
}
