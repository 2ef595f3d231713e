package dev.passerelle.server.connections;

import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.e2e.FieldDecryptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The connector field values a connection request posts, end-to-end decrypted (docs/protocol.md §6). */
@Component
class PostedValues {

    /** Body keys that steer the call rather than carry field values (docs/protocol.md §3.3, §3.4). */
    private static final Set<String> META = Set.of("id_connector", "connector_uuid", "id_bank", "id_provider", "source",
            "active", "expire", "resume", "decoupled", "refresh_auth", "background", "expand", "psu_requested");

    private final FieldDecryptor decryptor;

    PostedValues(FieldDecryptor decryptor) {
        this.decryptor = decryptor;
    }

    /** The posted field values; meta parameters are not field values. */
    Map<String, String> of(BodyParams body) {
        Map<String, String> values = new LinkedHashMap<>();
        body.asMap().forEach((name, value) -> {
            if (!META.contains(name)) {
                values.put(name, value);
            }
        });
        return decryptor.decryptAll(values, Set.of());
    }

    /** The source a request names: the query parameter, else the body's. */
    static Optional<String> source(String param, BodyParams body) {
        return firstNonBlank(param, body.string("source"));
    }

    static Optional<String> firstNonBlank(String param, Optional<String> body) {
        return param != null && !param.isBlank() ? Optional.of(param.trim()) : body;
    }
}
