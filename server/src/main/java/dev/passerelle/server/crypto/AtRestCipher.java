package dev.passerelle.server.crypto;

import dev.passerelle.runtime.host.AtRestEncryption;
import dev.passerelle.server.config.DataDirectory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts bank credentials and connector sessions before they reach the database:
 * AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV per record and the record's purpose as
 * additional authenticated data, so a ciphertext copied into another column fails to decrypt.
 *
 * <p>Envelope: {@code v1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>}. The key id in each record
 * lets older keys keep decrypting after the active key changes. Keys come from
 * {@code passerelle.crypto.at-rest-keys} (id → base64 of 32 bytes) with
 * {@code passerelle.crypto.active-key}; without configuration one key is generated into the data
 * directory on first start.
 */
@Component
public class AtRestCipher implements AtRestEncryption {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String activeKeyId;

    public AtRestCipher(AtRestKeys config, DataDirectory dataDirectory) {
        if (config.atRestKeys() == null || config.atRestKeys().isEmpty()) {
            String generated = dataDirectory.secret("keys/at-rest-k1.key", () -> Secrets.random(32));
            keys.put("k1", key(generated));
            activeKeyId = "k1";
        } else {
            config.atRestKeys().forEach((id, material) -> keys.put(id, key(material)));
            activeKeyId = config.activeKey() != null ? config.activeKey() : keys.keySet().iterator().next();
            if (!keys.containsKey(activeKeyId)) {
                throw new IllegalStateException("passerelle.crypto.active-key names no configured key: " + activeKeyId);
            }
        }
    }

    private static SecretKey key(String material) {
        byte[] bytes = decodeKey(material.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("An at-rest key must be 32 bytes (AES-256), base64-encoded");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] decodeKey(String material) {
        try {
            return Base64.getUrlDecoder().decode(material);
        } catch (IllegalArgumentException e) {
            return Base64.getDecoder().decode(material);
        }
    }

    @Override
    public String encrypt(String plaintext, String purpose) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + "." + activeKeyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts an envelope written by {@link #encrypt} under any known key. */
    @Override
    public String decrypt(String envelope, String purpose) {
        String[] parts = envelope.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("Not an at-rest envelope");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Unknown at-rest key id " + parts[1]);
        }
        byte[] data = Base64.getUrlDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("At-rest envelope failed authentication", e);
        }
    }

    /** The id of the key new records are written with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** {@code passerelle.crypto.*}. */
    @ConfigurationProperties("passerelle.crypto")
    public record AtRestKeys(Map<String, String> atRestKeys, String activeKey) {
    }
}
