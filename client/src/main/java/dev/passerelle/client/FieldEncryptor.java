package dev.passerelle.client;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * End-to-end encryption of connector field values (docs/protocol.md, "End-to-end encryption of
 * field values"; Powens' end-to-end encryption guide): each value becomes a JWE compact
 * serialization, {@code RSA-OAEP-256} with {@code A256GCM}, for the key {@code GET /publickey}
 * publishes, its {@code kid} in the header. Only the server reads them: a proxy or a log between
 * the client and the server sees no password or one-time code. The key is fetched once.
 */
final class FieldEncryptor {

    private final Supplier<RSAKey> publishedKey;
    private volatile RSAKey key;

    FieldEncryptor(Supplier<RSAKey> publishedKey) {
        this.publishedKey = publishedKey;
    }

    /** The same fields, each value encrypted. */
    Map<String, String> encrypt(Map<String, String> fields) {
        Map<String, String> encrypted = new LinkedHashMap<>();
        fields.forEach((name, value) -> encrypted.put(name, value == null ? null : encrypt(value)));
        return encrypted;
    }

    String encrypt(String value) {
        RSAKey rsa = key();
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                    .keyID(rsa.getKeyID()).build(), new Payload(value));
            jwe.encrypt(new RSAEncrypter(rsa));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new PasserelleException("Could not encrypt a field value for key " + rsa.getKeyID(), e);
        }
    }

    private RSAKey key() {
        RSAKey known = key;
        if (known == null) {
            known = publishedKey.get();
            key = known;
        }
        return known;
    }
}
