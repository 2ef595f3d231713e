package dev.passerelle.server.auth;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.WireInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@code {userId}} path segment: {@code me} or a numeric id (docs/protocol.md §0).
 * A user token reaches only its own user (403 otherwise, never another user's data); the config
 * token reaches any existing user by numeric id.
 */
@Component
public class UserPaths {

    private final JdbcClient jdbc;

    public UserPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user id {@code segment} designates for {@code caller}. */
    public long resolve(Caller caller, String segment) {
        if ("me".equals(segment)) {
            return switch (caller) {
                case Caller.User user -> user.userId();
                case Caller.Admin admin -> throw ApiError.FORBIDDEN.exception("The config token has no 'me' user; use a numeric id");
                case Caller.UsersReader reader -> throw usersTokenRefused();
            };
        }
        long id = parse(segment);
        return switch (caller) {
            case Caller.User user -> {
                if (user.userId() != id) {
                    throw ApiError.FORBIDDEN.exception("This token belongs to another user");
                }
                yield id;
            }
            case Caller.Admin admin -> {
                if (!exists(id)) {
                    throw ApiError.NOT_FOUND.exception("No user " + id);
                }
                yield id;
            }
            case Caller.UsersReader reader -> throw usersTokenRefused();
        };
    }

    private static RuntimeException usersTokenRefused() {
        return ApiError.FORBIDDEN.exception("The users token only lists users (GET /users)");
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    private static long parse(String segment) {
        return WireInteger.parse(segment).orElseThrow(() -> ApiError.NOT_FOUND.exception("A user is 'me' or a numeric id"));
    }
}
