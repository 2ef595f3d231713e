package dev.passerelle.server.e2e;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the end-to-end encryption key: {@code GET /publickey} returns the published key as one
 * JWK (RFC 7517 §4, with {@code kid}, {@code use: enc}, {@code alg: RSA-OAEP-256}); the JWK set of
 * every key that still decrypts is at {@code GET /.well-known/jwks.json} (RFC 7517 §5).
 */
@RestController
public class PublicKeyController {

    private final E2eKeys keys;

    public PublicKeyController(E2eKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/publickey")
    Map<String, Object> publicKey() {
        return keys.publishedKey().toJSONObject();
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return keys.publicKeySet().toJSONObject(true);
    }
}
