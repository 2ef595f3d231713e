package dev.passerelle.server.connectors;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.DateParam;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Connectors and sources at run time, with the config token (docs/protocol.md §2.1): hide or publish
 * a connector ({@code PUT /connectors/{uuid}}, the batch {@code PATCH /connectors} and the deprecated
 * {@code PUT /connectors/{id1,id2}}), disable or enable a source, and a connector's settings. Answers
 * show the config token's view ({@code hidden}, disabled sources).
 */
@Tag(name = "Connectors")
@RestController
class ConnectorAdminController {

    private final ConnectorAdmin admin;
    private final ConnectorCatalog catalog;
    private final ObjectMapper json;
    private final WireFormat wire;

    ConnectorAdminController(ConnectorAdmin admin, ConnectorCatalog catalog, ObjectMapper json, WireFormat wire) {
        this.admin = admin;
        this.catalog = catalog;
        this.json = json;
        this.wire = wire;
    }

    /**
     * {@code hidden} and/or {@code sync_periodicity} (days, or {@code sync_frequency}; empty: the
     * domain's again), all checked before any is applied, in one change. One connector: the
     * connector; a comma list of ids: {@code {"connectors": […]}}.
     */
    @Operation(summary = "Hide or publish connectors, or set their sync periodicity", description = "With the config token; "
            + "hidden and/or sync_periodicity (days), all or none. One connector answers the connector, a comma list the list.")
    @RequestMapping(path = "/connectors/{keys}", method = {RequestMethod.PUT, RequestMethod.POST})
    Object update(Caller.Admin caller,
                  @Parameter(description = "A connector by id or uuid, or several ids separated by commas (deprecated).",
                          example = "338178e6-3d01-564f-9a7b-52ca442459bf") @PathVariable String keys, @RequestParam(required = false) String expand,
                  BodyParams body) {
        List<ConnectorDescriptor> connectors = Arrays.stream(keys.split(",")).map(String::strip)
                .filter(key -> !key.isEmpty()).distinct().map(admin::connector).toList();
        if (connectors.isEmpty()) {
            throw ApiError.NOT_FOUND.exception("Name a connector by id or uuid");
        }
        Optional<Boolean> hidden = body.bool("hidden");
        Optional<String> periodicity = Optional.ofNullable(body.asMap().get("sync_periodicity"))
                .or(() -> Optional.ofNullable(body.asMap().get("sync_frequency")));
        body.string("auth_mechanism").ifPresent(mechanism -> connectors.forEach(c -> sameMechanism(mechanism,
                c.authMechanism(), "connector " + c.id())));
        if (hidden.isEmpty() && periodicity.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'hidden' (true or false) or 'sync_periodicity' (days)");
        }
        admin.update(connectors, hidden, periodicity, ChangedBy.CONFIG_TOKEN);
        Expand expanded = Expand.parse(expand);
        if (connectors.size() == 1 && !keys.contains(",")) {
            return catalog.adminView(connectors.getFirst(), expanded);
        }
        return listed(connectors, expanded);
    }

    /** The batch: {@code {"<uuid>": {"hidden": true}, …}}, all or none; the connectors changed. */
    @Operation(summary = "Hide or publish several connectors", description = "With the config token: "
            + "{\"<uuid>\": {\"hidden\": true}, …}, all or none.")
    @PatchMapping("/connectors")
    Map<String, Object> patch(Caller.Admin caller, @RequestParam(required = false) String expand, BodyParams body) {
        Map<ConnectorDescriptor, Boolean> hidden = new LinkedHashMap<>();
        body.members().forEach((key, value) -> hidden.put(admin.connector(key), hiddenOf(key, value)));
        if (hidden.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give {\"<connector uuid>\": {\"hidden\": true|false}, …}");
        }
        admin.hide(hidden, ChangedBy.CONFIG_TOKEN);
        return listed(List.copyOf(hidden.keySet()), Expand.parse(expand));
    }

    /** {@code disabled} (a boolean, or a real date: disabled) and the source's own {@code auth_mechanism}; the source. */
    @Operation(summary = "Disable or enable a connector's source", description = "With the config token; disabled: a boolean, "
            + "or a date (disabled).")
    @RequestMapping(path = "/connectors/{key}/sources/{source}", method = {RequestMethod.PUT, RequestMethod.POST})
    SourceView updateSource(Caller.Admin caller, @PathVariable String key,
                            @Parameter(description = "A source of the connector, by its id or its name.", example = "directaccess")
                            @PathVariable String source, BodyParams body) {
        ConnectorDescriptor connector = admin.connector(key);
        SourceDescriptor target = admin.source(connector, source);
        body.string("auth_mechanism").ifPresent(mechanism -> sameMechanism(mechanism, target.authMechanism(),
                "source '" + target.name() + "'"));
        Optional<Boolean> disabled = Optional.ofNullable(body.asMap().get("disabled")).map(this::disabled);
        if (disabled.isEmpty() && body.string("auth_mechanism").isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'disabled' (true or false)");
        }
        disabled.ifPresent(off -> admin.disable(connector, target, off, ChangedBy.CONFIG_TOKEN));
        return catalog.allSources(connector).stream().filter(s -> s.id() == target.id()).findFirst().orElseThrow();
    }

    record Settings(Map<String, String> settings) {
    }

    @Operation(summary = "A connector's settings", description = "With the config token; secret settings are masked.")
    @GetMapping("/connectors/{key}/settings")
    Settings settings(Caller.Admin caller, @PathVariable String key) {
        return new Settings(admin.settings(admin.connector(key)));
    }

    /**
     * Changes the settings named in the body (an empty value removes one), all or none: an unknown
     * setting or a value the connector would refuse is a 400 naming it; the settings afterwards.
     */
    @Operation(summary = "Change a connector's settings", description = "With the config token: the settings named in "
            + "the body, an empty value removing one; all or none: a setting the connector does not declare, or a value "
            + "it would refuse, is a 400 naming it. The connector restarts with them on every instance.")
    @RequestMapping(path = "/connectors/{key}/settings", method = {RequestMethod.PUT, RequestMethod.POST})
    Settings changeSettings(Caller.Admin caller, @PathVariable String key, BodyParams body) {
        ConnectorDescriptor connector = admin.connector(key);
        if (body.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Give the settings to change, {\"name\": \"value\"}");
        }
        return new Settings(admin.changeSettings(connector, body.asMap(), ChangedBy.CONFIG_TOKEN));
    }

    private Map<String, Object> listed(List<ConnectorDescriptor> connectors, Expand expand) {
        List<ConnectorView> views = connectors.stream().map(c -> catalog.adminView(c, expand)).toList();
        return Map.of("connectors", views, "total", views.size());
    }

    private boolean hiddenOf(String key, String value) {
        try {
            JsonNode patch = json.readTree(value);
            if (patch.isObject() && patch.has("hidden") && (patch.get("hidden").isBoolean() || patch.get("hidden").isString())) {
                return Flags.parse("hidden", patch.get("hidden").asString());
            }
        } catch (JacksonException notAnObject) {
            // reported below like any other value that is not {"hidden": …}
        }
        throw ApiError.INVALID_VALUE.exception("The value for connector '" + key + "' must be {\"hidden\": true|false}");
    }

    /**
     * A date (Powens sends the time it was disabled) means disabled; a boolean says it; empty means
     * enabled. A value that starts as a date must be one, a day ({@code 2026-02-28}) or a date-time
     * ({@link DateParam}): an impossible day ({@code 2026-02-30}) or a malformed time is a 400.
     */
    private boolean disabled(String raw) {
        if (raw.isBlank()) {
            return false;
        }
        if (raw.strip().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            try {
                DateParam.of("disabled", raw, wire.zone()).instant();
            } catch (ApiException notADate) {
                throw ApiError.INVALID_VALUE.exception("'disabled' must be true, false or a date: YYYY-MM-DD or a "
                        + "date-time such as 2024-03-01T10:00:00Z or 2024-03-01 10:00:00");
            }
            return true;
        }
        return Flags.parse("disabled", raw);
    }

    private static void sameMechanism(String wanted, AuthMechanism actual, String what) {
        if (!wanted.strip().equals(actual.wireName())) {
            throw ApiError.INVALID_VALUE.exception("The authentication mechanism of " + what + " is '"
                    + actual.wireName() + "' and cannot be changed on this server");
        }
    }
}
