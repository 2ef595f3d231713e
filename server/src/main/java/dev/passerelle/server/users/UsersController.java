package dev.passerelle.server.users;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /users} (docs/protocol.md §1.3): a user token reads or deletes its own user ({@code me} or its
 * numeric id); the config token lists every user and reaches any of them by numeric id.
 */
@Tag(name = "Users")
@RestController
public class UsersController {

    private final UserAccounts users;
    private final UserPaths userPaths;

    public UsersController(UserAccounts users, UserPaths userPaths) {
        this.users = users;
        this.userPaths = userPaths;
    }

    @Operation(summary = "List every user", description = "With the config token.")
    @GetMapping("/users")
    public UserList list(Caller caller) {
        if (!(caller instanceof Caller.Admin)) {
            throw ApiError.FORBIDDEN.exception("Listing users needs the config token");
        }
        List<UserView> all = users.all().stream().map(UserView::of).toList();
        return new UserList(all, all.size());
    }

    @Operation(summary = "Get a user")
    @GetMapping("/users/{userId}")
    public UserView get(Caller caller, @PathVariable String userId) {
        long id = userPaths.resolve(caller, userId);
        return users.find(id).map(UserView::of).orElseThrow(() -> ApiError.NOT_FOUND.exception("No user " + id));
    }

    /** Deletes the user and all of its data; 204. */
    @Operation(summary = "Delete a user and all of its data")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/users/{userId}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String userId) {
        users.delete(userPaths.resolve(caller, userId));
        return ResponseEntity.noContent().build();
    }

    /** The protocol's {@code User}: {@code {id, signin}}. */
    public record UserView(long id, Instant signin) {
        static UserView of(User user) {
            return new UserView(user.id(), user.signin());
        }
    }

    public record UserList(List<UserView> users, int total) {
    }
}
