package dev.passerelle.server.connectors;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.WireNames;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.Expand;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public connector catalogue (PROTOCOL-NOTES §2.1): no token needed. {@code /banks} and
 * {@code /providers} are the deprecated aliases restricted to the {@code bank} and {@code document}
 * capabilities.
 */
@RestController
public class ConnectorsController {

    private final ConnectorRegistry registry;
    private final ConnectorCatalog catalog;

    public ConnectorsController(ConnectorRegistry registry, ConnectorCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    /**
     * Every enabled connector matching all the given filters: {@code capabilities} (comma list, each
     * required), {@code auth_mechanism}, {@code connector_ids} / {@code connector_uuids} (comma lists),
     * {@code country_codes} (comma list, any).
     */
    @GetMapping("/connectors")
    public Map<String, Object> list(@RequestParam(required = false) String expand,
                                    @RequestParam(required = false) String capabilities,
                                    @RequestParam(name = "auth_mechanism", required = false) String authMechanism,
                                    @RequestParam(name = "connector_ids", required = false) String ids,
                                    @RequestParam(name = "connector_uuids", required = false) String uuids,
                                    @RequestParam(name = "country_codes", required = false) String countries) {
        Predicate<ConnectorDescriptor> filter = hasEvery(ConnectorsController::capabilities, capabilities)
                .and(mechanism(authMechanism))
                .and(oneOf(c -> String.valueOf(c.id()), ids))
                .and(oneOf(c -> c.uuid().toString(), uuids))
                .and(hasAny(ConnectorDescriptor::countries, countries));
        return listed("connectors", filter, expand);
    }

    @GetMapping({"/connectors/{key}", "/banks/{key}", "/providers/{key}"})
    public ConnectorView get(@PathVariable String key, @RequestParam(required = false) String expand) {
        return catalog.view(find(key).descriptor(), Expand.parse(expand));
    }

    @GetMapping({"/connectors/{key}/fields", "/banks/{key}/fields"})
    public Map<String, Object> fields(@PathVariable String key) {
        ConnectorDescriptor connector = find(key).descriptor();
        List<FieldView> fields = FieldView.enabledFields(connector, sources(connector));
        return Map.of("fields", fields, "total", fields.size());
    }

    @GetMapping({"/connectors/{key}/sources", "/banks/{key}/sources"})
    public Map<String, Object> sources(@PathVariable String key) {
        List<SourceView> sources = sources(find(key).descriptor());
        return Map.of("sources", sources, "total", sources.size());
    }

    @GetMapping("/connectors/{key}/sources/{sourceId}")
    public SourceView source(@PathVariable String key, @PathVariable String sourceId) {
        return sources(find(key).descriptor()).stream()
                .filter(s -> String.valueOf(s.id()).equals(sourceId) || s.name().equals(sourceId))
                .findFirst()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No enabled source " + sourceId + " on connector " + key));
    }

    @GetMapping("/banks")
    public Map<String, Object> banks(@RequestParam(required = false) String expand) {
        return listed("banks", c -> c.capabilities().contains(Capability.BANK), expand);
    }

    @GetMapping("/providers")
    public Map<String, Object> providers(@RequestParam(required = false) String expand) {
        return listed("providers", c -> c.capabilities().contains(Capability.DOCUMENT), expand);
    }

    private Map<String, Object> listed(String key, Predicate<ConnectorDescriptor> filter, String rawExpand) {
        Expand expand = Expand.parse(rawExpand);
        List<ConnectorView> connectors = registry.all().stream()
                .map(RunningConnector::descriptor)
                .filter(c -> !registry.enabledSources(c).isEmpty())
                .filter(filter)
                .map(c -> catalog.view(c, expand))
                .toList();
        return Map.of(key, connectors, "total", connectors.size());
    }

    private List<SourceView> sources(ConnectorDescriptor connector) {
        return catalog.sources(connector);
    }

    private RunningConnector find(String key) {
        return registry.find(key)
                .filter(c -> !registry.enabledSources(c.descriptor()).isEmpty())
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No enabled connector with id or uuid '" + key + "'"));
    }

    private static Predicate<ConnectorDescriptor> mechanism(String raw) {
        if (raw == null || raw.isBlank()) {
            return c -> true;
        }
        AuthMechanism wanted = Arrays.stream(AuthMechanism.values())
                .filter(m -> m.wireName().equals(raw.trim()))
                .findFirst()
                .orElseThrow(() -> ApiError.INVALID_VALUE.exception("auth_mechanism is 'credentials' or 'webauth'"));
        return c -> c.availableAuthMechanisms().contains(wanted);
    }

    private static Predicate<ConnectorDescriptor> hasEvery(
            Function<ConnectorDescriptor, List<String>> values, String raw) {
        Set<String> wanted = commaList(raw);
        return c -> values.apply(c).containsAll(wanted);
    }

    private static Predicate<ConnectorDescriptor> hasAny(
            Function<ConnectorDescriptor, List<String>> values, String raw) {
        Set<String> wanted = commaList(raw);
        return c -> wanted.isEmpty() || values.apply(c).stream().anyMatch(v -> wanted.contains(v.toLowerCase()));
    }

    private static Predicate<ConnectorDescriptor> oneOf(
            Function<ConnectorDescriptor, String> key, String raw) {
        Set<String> wanted = commaList(raw);
        return c -> wanted.isEmpty() || wanted.contains(key.apply(c).toLowerCase());
    }

    private static Set<String> commaList(String raw) {
        return raw == null ? Set.of() : Arrays.stream(raw.split(","))
                .map(String::trim).map(String::toLowerCase).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The wire names of a connector's capabilities ({@code bank}, {@code bankwealth}, …). */
    private static List<String> capabilities(ConnectorDescriptor connector) {
        return connector.capabilities().stream().map(WireNames::of).toList();
    }
}
