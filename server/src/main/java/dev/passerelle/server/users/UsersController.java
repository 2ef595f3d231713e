package dev.passerelle.server.users;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.WireFormat;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.api.DateParam;
import dev.passerelle.server.api.Paging;
import dev.passerelle.server.api.WireInteger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /users} (docs/protocol.md §1.3): a user token reads or deletes its own user ({@code me} or its
 * numeric id); the users token and the config token list the users; the config token reaches any
 * of them by numeric id.
 */
@Tag(name = "Users")
@RestController
public class UsersController {

    private final UserAccounts users;
    private final UserPaths userPaths;
    private final UserSearch search;
    private final UserExport export;
    private final WireFormat wire;

    UsersController(UserAccounts users, UserPaths userPaths, UserSearch search, UserExport export, WireFormat wire) {
        this.users = users;
        this.userPaths = userPaths;
        this.search = search;
        this.export = export;
        this.wire = wire;
    }

    /**
     * The domain's users, oldest first, with the users token or the config token: {@code search} (a
     * user id, or the id of one of the user's connections), {@code id_client}, {@code min_date} /
     * {@code max_date} (sign-up), {@code limit} and {@code offset}; {@code total} counts every match.
     */
    @Operation(summary = "List the users", description = "With the users token or the config token; searched and paged.")
    @GetMapping("/users")
    public UserList list(Caller caller,
                         @Parameter(description = "A user's id, or the id of one of the user's connections.", example = "42")
                         @RequestParam(required = false) String search,
                         @Parameter(description = "Only the users of this client application.", example = "10000001")
                         @RequestParam(name = "id_client", required = false) String clientId,
                         @Parameter(description = "Only users who signed up on or after this day or moment.", example = "2026-01-01")
                         @RequestParam(name = "min_date", required = false) String minDate,
                         @Parameter(description = "Only users who signed up on or before this day or moment.", example = "2026-01-31")
                         @RequestParam(name = "max_date", required = false) String maxDate,
                         @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        if (!(caller instanceof Caller.Admin) && !(caller instanceof Caller.UsersReader)) {
            throw ApiError.FORBIDDEN.exception("Listing users needs the users token or the config token");
        }
        Paging paging = Paging.parse(limit, offset);
        DateParam.Instants created = DateParam.instants(minDate, maxDate, wire.zone());
        UserAccounts.Page page = users.page(new UserAccounts.Filter(this.search.ids(search), number("id_client", clientId),
                created.from(), created.until()), paging.limit(), paging.offset());
        return new UserList(page.users().stream().map(UserView::of).toList(), page.total());
    }

    private static Long number(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return WireInteger.require(name, raw);
    }

    @Operation(summary = "Get a user")
    @GetMapping("/users/{userId}")
    public UserView get(Caller caller, @PathVariable String userId) {
        long id = userPaths.resolve(caller, userId);
        return users.find(id).map(UserView::of).orElseThrow(() -> ApiError.NOT_FOUND.exception("No user " + id));
    }

    /**
     * The user's data as one JSON document (GDPR right of access): the user itself or the config
     * token. Nothing secret is in it: no credentials, tokens or hashes.
     */
    @Operation(summary = "Export a user's data", description = "GDPR right of access: one JSON document, no credentials, "
            + "tokens or hashes.")
    @GetMapping("/users/{userId}/export")
    public ResponseEntity<Map<String, Object>> export(Caller caller, @PathVariable String userId) {
        long id = userPaths.resolve(caller, userId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("passerelle-user-" + id + ".json").build().toString())
                .body(export.of(id));
    }

    /**
     * Deletes the user and all of its data; 204. Of several deletions at once, the one that removed
     * the user answers 204, the others 404, as a deletion a moment later does.
     */
    @Operation(summary = "Delete a user and all of its data")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/users/{userId}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String userId) {
        long id = userPaths.resolve(caller, userId);
        if (!users.delete(id)) {
            throw ApiError.NOT_FOUND.exception("No user " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The protocol's {@code User}: {@code {id, signin}}. */
    public record UserView(long id, Instant signin) {
        static UserView of(User user) {
            return new UserView(user.id(), user.signin());
        }
    }

    public record UserList(List<UserView> users, long total) {
    }
}
