package dev.passerelle.server.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.runtime.WireNames;
import dev.passerelle.server.api.Expand;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.NonNull;

/**
 * A connector on the wire (docs/protocol.md §2.2). {@code sources}, {@code fields} and
 * {@code countries} appear only when expanded; everything else is always present, null included.
 * The public catalogue publishes only enabled sources, with their fields; the config token's view
 * ({@code ?all}) also shows hidden connectors ({@code hidden: true}) and disabled sources, while
 * {@code fields} stay those of the enabled sources.
 */
public record ConnectorView(
        int id,
        UUID uuid,
        String name,
        boolean hidden,
        boolean charged,
        String code,
        boolean beta,
        String color,
        String slug,
        Double syncFrequency,
        int monthsToFetch,
        @Schema(implementation = AuthMechanism.class) @NonNull String authMechanism,
        @ArraySchema(schema = @Schema(implementation = AuthMechanism.class)) @NonNull List<String> availableAuthMechanisms,
        String transferMechanism,
        String siret,
        boolean restricted,
        @ArraySchema(schema = @Schema(implementation = Capability.class)) @NonNull List<String> capabilities,
        @ArraySchema(schema = @Schema(implementation = AccountType.class)) @NonNull List<String> accountTypes,
        @ArraySchema(schema = @Schema(implementation = AccountUsage.class)) @NonNull List<String> accountUsages,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SourceView> sources,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldView> fields,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Country> countries) {

    static ConnectorView of(ConnectorDescriptor connector, boolean hidden, List<SourceView> sources, Expand expand) {
        List<String> mechanisms = connector.availableAuthMechanisms().stream()
                .map(AuthMechanism::wireName).sorted().toList();
        List<SourceView> enabledSources = sources.stream().filter(source -> source.disabled() == null).toList();
        return new ConnectorView(connector.id(), connector.uuid(), connector.name(), hidden, false,
                connector.code(), connector.beta(), connector.color(), connector.slug(), connector.syncPeriodDays(),
                connector.monthsToFetch(), connector.authMechanism().wireName(), mechanisms, null, null, false,
                connector.capabilities().stream().map(WireNames::of).toList(),
                connector.accountTypes().stream().map(WireNames::of).toList(),
                connector.accountUsages().stream().map(WireNames::of).toList(),
                expand.has("sources") ? sources : null,
                expand.has("fields") ? FieldView.enabledFields(connector, enabledSources) : null,
                expand.has("countries") ? connector.countries().stream().map(Country::of).toList() : null);
    }

    /** A country of the connector, with its English name ({@code [{id: "fr", name: "France"}]}). */
    public record Country(String id, String name) {
        static Country of(String code) {
            return new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH));
        }
    }
}
