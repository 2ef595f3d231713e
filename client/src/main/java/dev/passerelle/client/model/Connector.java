package dev.passerelle.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import java.util.UUID;

/**
 * An institution as {@code GET /connectors} shows it. {@code sources}, {@code fields} and
 * {@code countries} are null unless expanded ({@code expand=sources,fields}).
 */
public record Connector(int id, UUID uuid, String name, Boolean hidden, Boolean charged, String code, Boolean beta,
                        String color, String slug, @JsonAlias("sync_periodicity") Double syncFrequency,
                        Integer monthsToFetch, String authMechanism, List<String> availableAuthMechanisms,
                        List<String> capabilities, List<String> accountTypes, List<ConnectorSource> sources,
                        List<ConnectorField> fields, List<Country> countries) {

    /** A country the connector serves: {@code {id: "fr", name: "France"}}. */
    public record Country(String id, String name) {
    }

    /** The fields a user fills in for {@code source} ({@code null}: any source). */
    public List<ConnectorField> fieldsFor(String source) {
        if (fields == null) {
            return List.of();
        }
        return fields.stream().filter(f -> source == null || f.connectorSources() == null
                || f.connectorSources().contains(source)).toList();
    }
}
