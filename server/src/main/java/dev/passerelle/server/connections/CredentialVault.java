package dev.passerelle.server.connections;

import dev.passerelle.server.crypto.AtRestCipher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Seals what a connection must keep secret before it reaches the database: the field values the
 * user gave (bank credentials) and the connector's opaque session. Each column has its own
 * purpose string, bound into the AES-GCM tag, so values cannot be swapped between columns.
 */
@Component
public class CredentialVault {

    static final String CREDENTIALS = "connection.credentials";
    static final String SESSION = "connection_source.session";

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final AtRestCipher cipher;
    private final ObjectMapper json;

    public CredentialVault(AtRestCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public String sealCredentials(Map<String, String> values) {
        return cipher.encrypt(json.writeValueAsString(values), CREDENTIALS);
    }

    public Map<String, String> openCredentials(String sealed) {
        return sealed == null ? Map.of() : json.readValue(cipher.decrypt(sealed, CREDENTIALS), MAP);
    }

    public String sealSession(String session) {
        return session == null ? null : cipher.encrypt(session, SESSION);
    }

    public String openSession(String sealed) {
        return sealed == null ? null : cipher.decrypt(sealed, SESSION);
    }
}
