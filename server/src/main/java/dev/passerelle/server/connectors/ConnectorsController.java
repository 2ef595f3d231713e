package dev.passerelle.server.connectors;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.runtime.WireNames;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.NonNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public connector catalogue (docs/protocol.md §2.1): no token needed. {@code /banks} and
 * {@code /providers} are the deprecated aliases restricted to the {@code bank} and {@code document}
 * capabilities. With the config token, {@code ?all} also shows hidden connectors and disabled
 * sources (a connector without any enabled source included); other callers' {@code ?all} changes nothing.
 */
@Tag(name = "Connectors", description = "The public catalogue of institutions and their sources; no token needed.")
@RestController
public class ConnectorsController {

    /** {@code {connectors: [...], total}}; {@code /banks} and {@code /providers} name their list after themselves. */
    record ConnectorList(@NonNull List<ConnectorView> connectors, int total) {
    }

    record BankList(@NonNull List<ConnectorView> banks, int total) {
    }

    record ProviderList(@NonNull List<ConnectorView> providers, int total) {
    }

    record FieldList(@NonNull List<FieldView> fields, int total) {
    }

    record SourceList(@NonNull List<SourceView> sources, int total) {
    }

    private final ConnectorRegistry registry;
    private final ConnectorCatalog catalog;
    private final Callers callers;

    public ConnectorsController(ConnectorRegistry registry, ConnectorCatalog catalog, Callers callers) {
        this.registry = registry;
        this.catalog = catalog;
        this.callers = callers;
    }

    /**
     * Every enabled connector matching all the given filters: {@code capabilities} (comma list, each
     * required), {@code auth_mechanism}, {@code connector_ids} / {@code connector_uuids} (comma lists),
     * {@code country_codes} (comma list, any).
     */
    @Operation(summary = "List the connectors", description = "Every enabled connector matching all the given filters.")
    @GetMapping("/connectors")
    public ConnectorList list(@RequestParam(required = false) String expand,
                              @Parameter(description = "Comma list of capabilities, each required", example = "bank,document")
                              @RequestParam(required = false) String capabilities,
                              @Parameter(schema = @Schema(implementation = AuthMechanism.class))
                              @RequestParam(name = "auth_mechanism", required = false) String authMechanism,
                              @Parameter(description = "Comma list of ids") @RequestParam(name = "connector_ids", required = false) String ids,
                              @Parameter(description = "Comma list of uuids") @RequestParam(name = "connector_uuids", required = false) String uuids,
                              @Parameter(description = "Comma list of ISO 3166 country codes, any of them", example = "fr,de")
                              @RequestParam(name = "country_codes", required = false) String countries,
                              @RequestParam(required = false) String all,
                              HttpServletRequest request) {
        Predicate<ConnectorDescriptor> filter = hasEvery(ConnectorsController::capabilities, capabilities)
                .and(mechanism(authMechanism))
                .and(oneOf(c -> String.valueOf(c.id()), ids))
                .and(oneOf(c -> c.uuid().toString(), uuids))
                .and(hasAny(ConnectorDescriptor::countries, countries));
        if (adminView(all, request)) {
            Expand expanded = Expand.parse(expand);
            List<ConnectorView> connectors = registry.discovered().stream().map(RunningConnector::descriptor).filter(filter)
                    .map(c -> catalog.adminView(c, expanded)).toList();
            return new ConnectorList(connectors, connectors.size());
        }
        List<ConnectorView> connectors = listed(filter, expand);
        return new ConnectorList(connectors, connectors.size());
    }

    @Operation(summary = "Get a connector", description = "By its id or uuid.")
    @GetMapping({"/connectors/{key}", "/banks/{key}", "/providers/{key}"})
    public ConnectorView get(@PathVariable String key, @RequestParam(required = false) String expand,
                             @RequestParam(required = false) String all, HttpServletRequest request) {
        if (adminView(all, request)) {
            return catalog.adminView(findAny(key), Expand.parse(expand));
        }
        return catalog.view(find(key).descriptor(), Expand.parse(expand));
    }

    @Operation(summary = "The fields a connector's enabled sources ask for")
    @GetMapping({"/connectors/{key}/fields", "/banks/{key}/fields"})
    public FieldList fields(@PathVariable String key) {
        ConnectorDescriptor connector = find(key).descriptor();
        List<FieldView> fields = FieldView.enabledFields(connector, sources(connector));
        return new FieldList(fields, fields.size());
    }

    @Operation(summary = "A connector's enabled sources")
    @GetMapping({"/connectors/{key}/sources", "/banks/{key}/sources"})
    public SourceList sources(@PathVariable String key, @RequestParam(required = false) String all,
                              HttpServletRequest request) {
        List<SourceView> sources = adminView(all, request) ? catalog.allSources(findAny(key)) : sources(find(key).descriptor());
        return new SourceList(sources, sources.size());
    }

    @Operation(summary = "One enabled source of a connector", description = "By its id or name.")
    @GetMapping("/connectors/{key}/sources/{sourceId}")
    public SourceView source(@PathVariable String key, @PathVariable String sourceId,
                             @RequestParam(required = false) String all, HttpServletRequest request) {
        List<SourceView> sources = adminView(all, request) ? catalog.allSources(findAny(key)) : sources(find(key).descriptor());
        return sources.stream()
                .filter(s -> String.valueOf(s.id()).equals(sourceId) || s.name().equals(sourceId))
                .findFirst()
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No enabled source " + sourceId + " on connector " + key));
    }

    @Operation(summary = "List the connectors to banks", description = "The deprecated alias of /connectors?capabilities=bank.",
            deprecated = true)
    @GetMapping("/banks")
    public BankList banks(@RequestParam(required = false) String expand) {
        List<ConnectorView> banks = listed(c -> c.capabilities().contains(Capability.BANK), expand);
        return new BankList(banks, banks.size());
    }

    @Operation(summary = "List the connectors to document providers",
            description = "The deprecated alias of /connectors?capabilities=document.", deprecated = true)
    @GetMapping("/providers")
    public ProviderList providers(@RequestParam(required = false) String expand) {
        List<ConnectorView> providers = listed(c -> c.capabilities().contains(Capability.DOCUMENT), expand);
        return new ProviderList(providers, providers.size());
    }

    private List<ConnectorView> listed(Predicate<ConnectorDescriptor> filter, String rawExpand) {
        Expand expand = Expand.parse(rawExpand);
        return registry.all().stream()
                .map(RunningConnector::descriptor)
                .filter(c -> !registry.enabledSources(c).isEmpty())
                .filter(filter)
                .map(c -> catalog.view(c, expand))
                .toList();
    }

    private List<SourceView> sources(ConnectorDescriptor connector) {
        return catalog.sources(connector);
    }

    /** Whether the config token asked for {@code ?all}; a present but invalid token is a 401 as everywhere. */
    private boolean adminView(String all, HttpServletRequest request) {
        return Flags.isOn("all", all) && callers.optional(request).filter(Caller.Admin.class::isInstance).isPresent();
    }

    private ConnectorDescriptor findAny(String key) {
        return registry.findAny(key).map(RunningConnector::descriptor)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No connector with id or uuid '" + key + "'"));
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
