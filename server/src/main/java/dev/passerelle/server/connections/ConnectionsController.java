package dev.passerelle.server.connections;

import dev.passerelle.connector.PsuContext;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.api.Flags;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Connections of a user (PROTOCOL-NOTES §3). 200 when nothing waits on the user, 202 when the
 * user must act or a step runs in the background; failed checks answer the error envelope whose
 * code is the state ({@code wrongpass}, …). The user's own request ({@link PsuContext}) goes with
 * every step they ask for.
 */
@RestController
@RequestMapping("/users/{user}/connections")
public class ConnectionsController {

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

    @PostMapping
    public ResponseEntity<ConnectionView> create(Caller caller, @PathVariable String user, BodyParams body, PsuContext psu,
                                                 @RequestParam(required = false) String source,
                                                 @RequestParam(required = false) String expand) {
        return reply(creation.create(users.resolve(caller, user), body, source, psu), expand);
    }

    @GetMapping
    public Map<String, Object> list(Caller caller, @PathVariable String user,
                                    @RequestParam(required = false) String expand) {
        Expand parsed = Expand.parse(expand);
        List<ConnectionView> list = connections.list(users.resolve(caller, user)).stream()
                .map(c -> views.view(c, parsed)).toList();
        return Map.of("connections", list, "total", list.size());
    }

    @GetMapping("/{connection}")
    public ConnectionView get(Caller caller, @PathVariable String user, @PathVariable long connection,
                              @RequestParam(required = false) String expand) {
        return views.view(connections.get(users.resolve(caller, user), connection), Expand.parse(expand));
    }

    /** Answers, resume, new credentials, another source, or (empty body) a forced sync (§3.4). */
    @PostMapping("/{connection}")
    public ResponseEntity<ConnectionView> update(Caller caller, @PathVariable String user,
                                                 @PathVariable long connection, BodyParams body, PsuContext psu,
                                                 @RequestParam(required = false) String source,
                                                 @RequestParam(required = false) String background,
                                                 @RequestParam(required = false) String expand) {
        boolean inBackground = Flags.isOn("background", background) || body.bool("background").orElse(false);
        return reply(updates.update(users.resolve(caller, user), connection, body, source, inBackground, psu), expand);
    }

    /**
     * A sync (§3.5). A {@code PUT} that carries field values is an update, as {@code POST}: clients
     * use both verbs for updates.
     */
    @PutMapping("/{connection}")
    public ResponseEntity<ConnectionView> sync(Caller caller, @PathVariable String user, @PathVariable long connection,
                                               BodyParams body, PsuContext psu,
                                               @RequestParam(name = "psu_requested", required = false) String psuRequested,
                                               @RequestParam(required = false) String source,
                                               @RequestParam(required = false) String background,
                                               @RequestParam(required = false) String expand) {
        long userId = users.resolve(caller, user);
        boolean inBackground = Flags.isOn("background", background) || body.bool("background").orElse(false);
        boolean carriesUpdate = body.names().stream().anyMatch(n -> !n.equals("psu_requested") && !n.equals("background")
                && !n.equals("expand"));
        if (carriesUpdate || source != null) {
            return reply(updates.update(userId, connection, body, source, inBackground, psu), expand);
        }
        boolean present = psuRequested == null ? body.bool("psu_requested").orElse(true) : Flags.parse("psu_requested", psuRequested);
        return reply(syncs.sync(userId, connection, present, inBackground, Actor.USER, present ? psu : null), expand);
    }

    @DeleteMapping("/{connection}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String user, @PathVariable long connection) {
        deletion.delete(users.resolve(caller, user), connection);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{connection}/sources")
    public Map<String, Object> sources(Caller caller, @PathVariable String user, @PathVariable long connection,
                                       @RequestParam(required = false) String all) {
        boolean withDisabled = Flags.isOn("all", all);
        List<ConnectionSourceView> sources = connections.sources(users.resolve(caller, user), connection).stream()
                .filter(s -> withDisabled || s.disabled() == null)
                .map(ConnectionSourceView::of).toList();
        return Map.of("sources", sources, "total", sources.size());
    }

    @GetMapping("/{connection}/sources/{source}")
    public ConnectionSourceView source(Caller caller, @PathVariable String user, @PathVariable long connection,
                                       @PathVariable long source, @RequestParam(required = false) String all) {
        return connections.sources(users.resolve(caller, user), connection).stream()
                .filter(s -> s.id() == source && (s.disabled() == null || Flags.isOn("all", all)))
                .findFirst().map(ConnectionSourceView::of)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No source " + source + " on connection " + connection));
    }

    /** {@code {"disabled": bool}}; legacy {@code PUT} enables and {@code DELETE} disables (§3.2). */
    @RequestMapping(path = "/{connection}/sources/{source}", method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    public ConnectionSourceView updateSource(Caller caller, @PathVariable String user, @PathVariable long connection,
                                             @PathVariable long source, BodyParams body,
                                             jakarta.servlet.http.HttpServletRequest request) {
        boolean disabled = "DELETE".equals(request.getMethod()) || body.bool("disabled").orElse(false);
        return ConnectionSourceView.of(connections.setSourceDisabled(users.resolve(caller, user), connection, source, disabled));
    }

    /** The support timeline of the connection, newest first. */
    @GetMapping("/{connection}/logs")
    public Map<String, Object> logs(Caller caller, @PathVariable String user, @PathVariable long connection,
                                    @RequestParam(defaultValue = "100") int limit,
                                    @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ApiError.INVALID_VALUE.exception("limit is 1 to 1000 and offset not negative");
        }
        long id = connections.get(users.resolve(caller, user), connection).id();
        List<ConnectionTimeline.Event> events = timeline.events(id, limit, offset);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectionlogs", events);
        body.put("total", events.size());
        return body;
    }

    private ResponseEntity<ConnectionView> reply(ConnectionResult result, String expand) {
        HttpStatus status = result.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(views.view(result.connection(), Expand.parse(expand)));
    }
}
