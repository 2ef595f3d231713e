package dev.passerelle.server.e2e;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.RSAKey;
import dev.passerelle.server.api.ApiError;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decrypts end-to-end encrypted field values at the edge, before validation (docs/protocol.md §6).
 * A value shaped like a JWE compact serialization (five base64url parts) must be a valid JWE for
 * one of our keys: an unknown {@code kid}, another algorithm, a bad tag or a bad shape is a 400
 * {@code invalidValue}, never silently taken as cleartext. Other values are cleartext, accepted
 * unless {@code passerelle.e2e.require-encryption} is on.
 */
@Component
public class FieldDecryptor {

    private static final Pattern COMPACT_JWE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<EncryptionMethod> ACCEPTED_ENC = Set.of(EncryptionMethod.A256GCM, EncryptionMethod.A256CBC_HS512);

    private final E2eKeys keys;
    private final boolean requireEncryption;

    public FieldDecryptor(E2eKeys keys, E2eKeys.E2eProperties properties) {
        this.keys = keys;
        this.requireEncryption = properties.requireEncryption();
    }

    /**
     * The cleartext of every value in {@code fields} but the {@code exempt} ones (ids, flags and other
     * meta keys that clients never encrypt, e.g. {@code id_connector}).
     */
    public Map<String, String> decryptAll(Map<String, String> fields, Set<String> exempt) {
        Map<String, String> clear = new LinkedHashMap<>();
        fields.forEach((name, value) -> clear.put(name, exempt.contains(name) ? value : decrypt(name, value)));
        return clear;
    }

    /** The cleartext of one field value. */
    public String decrypt(String field, String value) {
        if (value == null || !COMPACT_JWE.matcher(value).matches()) {
            if (requireEncryption && value != null && !value.isEmpty()) {
                throw ApiError.INVALID_VALUE.exception("Field '" + field + "' must be end-to-end encrypted (JWE, see GET /publickey)");
            }
            return value;
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(value);
        } catch (ParseException | RuntimeException e) {
            // Nimbus throws unchecked exceptions for some malformed headers ("alg": "none", no "enc").
            throw invalid(field, "is not a valid JWE compact serialization");
        }
        if (!JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm())
                || !ACCEPTED_ENC.contains(jwe.getHeader().getEncryptionMethod())) {
            throw invalid(field, "must use alg RSA-OAEP-256 with enc A256GCM or A256CBC-HS512");
        }
        RSAKey key = keys.privateKey(jwe.getHeader().getKeyID())
                .orElseThrow(() -> invalid(field, "names an unknown key id; fetch GET /publickey"));
        try {
            jwe.decrypt(new RSADecrypter(key));
        } catch (JOSEException e) {
            throw invalid(field, "cannot be decrypted (wrong key or tampered ciphertext)");
        }
        return jwe.getPayload().toString();
    }

    private static RuntimeException invalid(String field, String why) {
        return ApiError.INVALID_VALUE.exception("Encrypted value of field '" + field + "' " + why);
    }
}
