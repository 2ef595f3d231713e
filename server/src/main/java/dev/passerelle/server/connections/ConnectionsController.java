package dev.passerelle.server.connections;

import dev.passerelle.connector.PsuContext;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.NonNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connections of a user (docs/protocol.md §3). 200 when nothing waits on the user, 202 when the
 * user must act or a step runs in the background; failed checks answer the error envelope whose
 * code is the state ({@code wrongpass}, …). The user's own request ({@link PsuContext}) goes with
 * every step they ask for.
 */
@Tag(name = "Connections", description = "A user's connections to institutions, their sources and their timeline.")
@RestController
@RequestMapping("/users/{user}/connections")
public class ConnectionsController {

    record ConnectionList(@NonNull List<ConnectionView> connections, int total) {
    }

    record ConnectionSourceList(@NonNull List<ConnectionSourceView> sources, int total) {
    }

    record ConnectionLogList(@NonNull List<ConnectionTimeline.Event> connectionlogs, int total) {
    }

    /** The body of an add, an update or a sync, as the document describes it. */
    private static final String FIELD_VALUES = "The connector's field values by field name (GET /connectors/{key}/fields), "
            + "encrypted or not (JWE with GET /publickey), and these members.";

    private final Connections connections;
    private final ConnectionCreation creation;
    private final ConnectionUpdates updates;
    private final ConnectionSyncs syncs;
    private final ConnectionDeletion deletion;
    private final ConnectionViews views;
    private final ConnectionTimeline timeline;
    private final UserPaths users;

    public ConnectionsController(Connections connections, ConnectionCreation creation, ConnectionUpdates updates,
                                 ConnectionSyncs syncs, ConnectionDeletion deletion, ConnectionViews views,
                                 ConnectionTimeline timeline, UserPaths users) {
        this.connections = connections;
        this.creation = creation;
        this.updates = updates;
        this.syncs = syncs;
        this.deletion = deletion;
        this.views = views;
        this.timeline = timeline;
        this.users = users;
    }

    @Operation(summary = "Add a connection",
            description = "Checks the credentials with the institution during the call. 200: connected; 202: the user must act "
                    + "(state additionalInformationNeeded, decoupled, webauthRequired, …); a failed check answers 400 with "
                    + "the state as the code (wrongpass, actionNeeded, …).",
            requestBody = @RequestBody(content = @Content(
                    schema = @Schema(description = FIELD_VALUES,
                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                    schemaProperties = {
                            @SchemaProperty(name = "connector_uuid", schema = @Schema(type = "string", format = "uuid",
                                    example = "338178e6-3d01-564f-9a7b-52ca442459bf")),
                            @SchemaProperty(name = "id_connector", schema = @Schema(type = "integer",
                                    description = "Instead of connector_uuid (id_bank, id_provider: deprecated aliases)")),
                            @SchemaProperty(name = "source", schema = @Schema(type = "string", description = "A source's name"))})))
    @ApiResponse(responseCode = "200", description = "Connected")
    @ApiResponse(responseCode = "202", description = "The user must act: see state and fields")
    @PostMapping
    public ResponseEntity<ConnectionView> create(Caller caller, @PathVariable String user, BodyParams body, PsuContext psu,
                                                 @RequestParam(required = false) String source,
                                                 @RequestParam(required = false) String expand) {
        Expand parsed = Expand.parse(expand);
        return reply(creation.create(users.resolve(caller, user), body, source, psu), parsed);
    }

    @Operation(summary = "List the user's connections")
    @GetMapping
    public ConnectionList list(Caller caller, @PathVariable String user, @RequestParam(required = false) String expand) {
        Expand parsed = Expand.parse(expand);
        List<ConnectionView> list = connections.list(users.resolve(caller, user)).stream()
                .map(c -> views.view(c, parsed)).toList();
        return new ConnectionList(list, list.size());
    }

    @Operation(summary = "Get a connection")
    @GetMapping("/{connection}")
    public ConnectionView get(Caller caller, @PathVariable String user, @PathVariable long connection,
                              @RequestParam(required = false) String expand) {
        return views.view(connections.get(users.resolve(caller, user), connection), Expand.parse(expand));
    }

    /** Answers, resume, new credentials, another source, or (empty body) a forced sync (docs/protocol.md §3.4). */
    @Operation(summary = "Update a connection",
            description = "Answers to the fields asked for, resume=true after a decoupled validation or a web authentication, "
                    + "new credentials, another source, active, or (an empty body) a sync. 200 or 202 as when adding one.",
            requestBody = @RequestBody(content = @Content(
                    schema = @Schema(description = FIELD_VALUES,
                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                    schemaProperties = {
                            @SchemaProperty(name = "resume", schema = @Schema(type = "boolean")),
                            @SchemaProperty(name = "refresh_auth", schema = @Schema(type = "boolean")),
                            @SchemaProperty(name = "active", schema = @Schema(type = "boolean")),
                            @SchemaProperty(name = "background", schema = @Schema(type = "boolean")),
                            @SchemaProperty(name = "source", schema = @Schema(type = "string"))})))
    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "202", description = "The user must act, or the step runs in the background")
    @PostMapping("/{connection}")
    public ResponseEntity<ConnectionView> update(Caller caller, @PathVariable String user,
                                                 @PathVariable long connection, BodyParams body, PsuContext psu,
                                                 @RequestParam(required = false) String source,
                                                 @RequestParam(required = false) String background,
                                                 @RequestParam(required = false) String expand) {
        Expand parsed = Expand.parse(expand);
        boolean inBackground = Flags.isOn("background", background) || body.bool("background").orElse(false);
        return reply(updates.update(users.resolve(caller, user), connection, body, source, inBackground, psu), parsed);
    }

    /**
     * A sync (docs/protocol.md §3.5). A {@code PUT} that carries field values is an update, as {@code POST}: clients
     * use both verbs for updates.
     */
    @Operation(summary = "Sync a connection",
            description = "psu_requested=false when the user is not present. A PUT that carries field values is an update, as POST.",
            requestBody = @RequestBody(content = @Content(
                    schema = @Schema(description = FIELD_VALUES,
                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                    schemaProperties = {
                            @SchemaProperty(name = "psu_requested", schema = @Schema(type = "boolean", defaultValue = "true")),
                            @SchemaProperty(name = "background", schema = @Schema(type = "boolean"))})))
    @ApiResponse(responseCode = "200", description = "Synced")
    @ApiResponse(responseCode = "202", description = "The user must act, or the sync runs in the background")
    @PutMapping("/{connection}")
    public ResponseEntity<ConnectionView> sync(Caller caller, @PathVariable String user, @PathVariable long connection,
                                               BodyParams body, PsuContext psu,
                                               @RequestParam(name = "psu_requested", required = false) String psuRequested,
                                               @RequestParam(required = false) String source,
                                               @RequestParam(required = false) String background,
                                               @RequestParam(required = false) String expand) {
        long userId = users.resolve(caller, user);
        // Read before the request is applied, as an update or a sync: a bad value is a 400 that changed nothing.
        Expand parsed = Expand.parse(expand);
        boolean inBackground = Flags.isOn("background", background) || body.bool("background").orElse(false);
        boolean present = psuRequested == null ? body.bool("psu_requested").orElse(true) : Flags.parse("psu_requested", psuRequested);
        boolean carriesUpdate = body.names().stream().anyMatch(n -> !n.equals("psu_requested") && !n.equals("background")
                && !n.equals("expand"));
        if (carriesUpdate || source != null) {
            return reply(updates.update(userId, connection, body, source, inBackground, psu), parsed);
        }
        return reply(syncs.sync(userId, connection, present, inBackground, Actor.USER, present ? psu : null), parsed);
    }

    @Operation(summary = "Delete a connection and its data")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{connection}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String user, @PathVariable long connection) {
        deletion.delete(users.resolve(caller, user), connection);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "List a connection's sources", description = "Disabled ones too with all.")
    @GetMapping("/{connection}/sources")
    public ConnectionSourceList sources(Caller caller, @PathVariable String user, @PathVariable long connection,
                                       @RequestParam(required = false) String all) {
        boolean withDisabled = Flags.isOn("all", all);
        List<ConnectionSourceView> sources = connections.sources(users.resolve(caller, user), connection).stream()
                .filter(s -> withDisabled || s.disabled() == null)
                .map(ConnectionSourceView::of).toList();
        return new ConnectionSourceList(sources, sources.size());
    }

    @Operation(summary = "Get a source of a connection")
    @GetMapping("/{connection}/sources/{source}")
    public ConnectionSourceView source(Caller caller, @PathVariable String user, @PathVariable long connection,
                                       @PathVariable long source, @RequestParam(required = false) String all) {
        return connections.sources(users.resolve(caller, user), connection).stream()
                .filter(s -> s.id() == source && (s.disabled() == null || Flags.isOn("all", all)))
                .findFirst().map(ConnectionSourceView::of)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No source " + source + " on connection " + connection));
    }

    /** {@code {"disabled": bool}}; legacy {@code PUT} enables and {@code DELETE} disables (docs/protocol.md §3.2). */
    @Operation(summary = "Enable or disable a source", description = "{\"disabled\": bool}; the legacy PUT enables and DELETE disables.",
            requestBody = @RequestBody(content = @Content(schemaProperties =
                    @SchemaProperty(name = "disabled", schema = @Schema(type = "boolean", defaultValue = "false")))))
    @RequestMapping(path = "/{connection}/sources/{source}", method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    public ConnectionSourceView updateSource(Caller caller, @PathVariable String user, @PathVariable long connection,
                                             @PathVariable long source, BodyParams body,
                                             jakarta.servlet.http.HttpServletRequest request) {
        boolean disabled = "DELETE".equals(request.getMethod()) || body.bool("disabled").orElse(false);
        return ConnectionSourceView.of(connections.setSourceDisabled(users.resolve(caller, user), connection, source, disabled));
    }

    /**
     * The support timeline of the connection, newest first, from {@code min_date} to {@code max_date}
     * included, of one source with {@code id_source} (Powens' connection logs take the same filters).
     */
    @Operation(summary = "The connection's support timeline, newest first",
            description = "min_date and max_date filter on the entry's timestamp; id_source keeps one source's entries.")
    @GetMapping("/{connection}/logs")
    public ConnectionLogList logs(Caller caller, @PathVariable String user, @PathVariable long connection,
                                  @Parameter(schema = @Schema(minimum = "1", maximum = "1000")) @RequestParam(defaultValue = "100") int limit,
                                  @Parameter(schema = @Schema(minimum = "0")) @RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(name = "min_date", required = false) String minDate,
                                  @RequestParam(name = "max_date", required = false) String maxDate,
                                  @RequestParam(name = "id_source", required = false) Long idSource) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ApiError.INVALID_VALUE.exception("limit is 1 to 1000 and offset not negative");
        }
        ConnectionTimeline.Window window = timeline.window(minDate, maxDate);
        ConnectionRow row = connections.get(users.resolve(caller, user), connection);
        if (idSource != null) {
            window = window.of(connections.source(row, idSource));
        }
        return new ConnectionLogList(timeline.events(row.id(), window, limit, offset), timeline.count(row.id(), window));
    }

    /** {@code expand} is parsed by the caller before the request changes anything. */
    private ResponseEntity<ConnectionView> reply(ConnectionResult result, Expand expand) {
        HttpStatus status = result.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(views.view(result.connection(), expand));
    }
}
