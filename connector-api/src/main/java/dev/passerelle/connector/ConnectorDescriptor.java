package dev.passerelle.connector;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What {@code GET /connectors} publishes about one connector (PROTOCOL-NOTES §2.2).
 *
 * @param id                      numeric id; not stable across Powens domains, stable here
 * @param uuid                    stable identity
 * @param name                    display name
 * @param slug                    short letter code, or {@code null}
 * @param color                   brand colour, hex without {@code #}, or {@code null}
 * @param code                    bank code, or {@code null}
 * @param beta                    possibly unstable
 * @param capabilities            {@code bank}, {@code bankwealth}, {@code document}, {@code profile}, …
 * @param accountTypes            account type names the connector may return
 * @param accountUsages           {@code PRIV}, {@code ORGA}, {@code ASSO}
 * @param countries               ISO 3166-1 alpha-2 codes, lower case
 * @param monthsToFetch           history depth fetched on first sync
 * @param syncPeriodDays          days between background syncs
 * @param sources                 ways of reaching the institution, at least one
 * @param fields                  every field of every source
 */
public record ConnectorDescriptor(
        int id,
        UUID uuid,
        String name,
        String slug,
        String color,
        String code,
        boolean beta,
        List<String> capabilities,
        List<String> accountTypes,
        List<String> accountUsages,
        List<String> countries,
        int monthsToFetch,
        double syncPeriodDays,
        List<SourceDescriptor> sources,
        List<FieldSpec> fields) {

    public ConnectorDescriptor {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        capabilities = List.copyOf(capabilities);
        accountTypes = List.copyOf(accountTypes);
        accountUsages = List.copyOf(accountUsages);
        countries = List.copyOf(countries);
        sources = sources.stream().sorted(Comparator.comparingInt(SourceDescriptor::priority)).toList();
        fields = List.copyOf(fields);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a connector has at least one source");
        }
    }

    /** The source added when the client names none: the one of lowest priority number. */
    public SourceDescriptor defaultSource() {
        return sources.getFirst();
    }

    /** The source of that name. */
    public Optional<SourceDescriptor> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The connector's default mechanism: its default source's. */
    public AuthMechanism authMechanism() {
        return defaultSource().authMechanism();
    }

    /** Every mechanism any source accepts. */
    public Set<AuthMechanism> availableAuthMechanisms() {
        return sources.stream()
                .flatMap(s -> s.availableAuthMechanisms().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Fields asked when adding {@code source} with {@code mechanism}. */
    public List<FieldSpec> fieldsFor(String source, AuthMechanism mechanism) {
        return fields.stream().filter(f -> f.appliesTo(source, mechanism)).toList();
    }
}
