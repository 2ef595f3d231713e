package dev.passerelle.server.testclock;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.UserPaths;
import dev.passerelle.server.config.ConditionalOnSandboxMode;
import dev.passerelle.server.config.MovableClock;
import dev.passerelle.server.config.UserTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.NonNull;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox test clock (issue 5; Powens' sandbox has {@code POST /test/sync} and
 * {@code /test/webhooks}, docs/protocol.md §8.1): {@code GET /test/clock} tells the server's time,
 * {@code POST /test/clock {"advance": "P1D"}} moves it forward by an ISO-8601 duration (config
 * token only). {@code GET|POST /users/{id|me}/test/clock} do the same for one user's own clock, on
 * top of the server's (the user's token or the config token). The routes exist only in sandbox mode.
 */
@Tag(name = "Sandbox", description = "Sandbox mode only (passerelle.sandbox.enabled): movable clocks for tests.")
@RestController
@ConditionalOnSandboxMode
public class TestClockController {

    /**
     * The furthest a clock moves ahead: a century is past every expiry, consent and schedule there
     * is to try, and keeps every instant within what the databases store.
     */
    static final Duration MAX_OFFSET = Duration.ofDays(36_500);

    private final ObjectProvider<MovableClock> clock;
    private final Clock userClock;
    private final UserClocks userClocks;
    private final UserPaths users;

    // Looked up per request: the movable clock is the server clock once post-processed.
    public TestClockController(ObjectProvider<MovableClock> clock, Clock userClock, UserClocks userClocks,
                               UserPaths users) {
        this.clock = clock;
        this.userClock = userClock;
        this.userClocks = userClocks;
        this.users = users;
    }

    /**
     * A clock's time and how far it was moved ahead: of the real time for the server's clock, of
     * the server's time for a user's.
     */
    public record ClockView(@NonNull Instant now, @NonNull Duration offset) {
    }

    @Operation(summary = "The server's clock", description = "With the config token.")
    @GetMapping("/test/clock")
    public ClockView get(Caller caller) {
        requireAdmin(caller);
        return view(clock.getObject());
    }

    @Operation(summary = "Move the server's clock ahead", description = "With the config token.",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(requiredProperties = "advance"),
                    schemaProperties = @SchemaProperty(name = "advance", schema = @Schema(type = "string",
                            description = "An ISO-8601 duration, forward only", example = "P30D")))))
    @PostMapping("/test/clock")
    public ClockView advance(Caller caller, BodyParams body) {
        requireAdmin(caller);
        MovableClock movable = clock.getObject();
        movable.advance(parse(body.require("advance"), movable.offset()));
        return view(movable);
    }

    @Operation(summary = "A user's clock")
    @GetMapping("/users/{user}/test/clock")
    public ClockView getUser(Caller caller, @PathVariable String user) {
        return view(users.resolve(caller, user));
    }

    @Operation(summary = "Move a user's clock ahead", description = "It applies to that user's requests, tokens and background work.",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(requiredProperties = "advance"),
                    schemaProperties = @SchemaProperty(name = "advance", schema = @Schema(type = "string",
                            description = "An ISO-8601 duration, forward only", example = "P30D")))))
    @PostMapping("/users/{user}/test/clock")
    public ClockView advanceUser(Caller caller, @PathVariable String user, BodyParams body) {
        long userId = users.resolve(caller, user);
        userClocks.advance(userId, parse(body.require("advance"), userClocks.offset(userId)));
        return view(userId);
    }

    private ClockView view(long userId) {
        return new ClockView(UserTime.call(userId, userClock::instant), userClocks.offset(userId));
    }

    private static ClockView view(MovableClock clock) {
        return new ClockView(clock.instant(), clock.offset());
    }

    /** How far {@code raw} moves a clock now {@code offset} ahead, checked against {@link #MAX_OFFSET}. */
    private static Duration parse(String raw, Duration offset) {
        Duration by;
        try {
            by = Duration.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiError.INVALID_VALUE.exception("'advance' is an ISO-8601 duration such as P1D or PT2H30M");
        }
        if (by.isNegative()) {
            throw ApiError.INVALID_VALUE.exception("The clock only moves forward");
        }
        if (by.compareTo(MAX_OFFSET.minus(offset)) > 0) {
            throw ApiError.INVALID_VALUE.exception("A clock moves at most " + MAX_OFFSET.toDays()
                    + " days ahead in all; it is " + offset.toDays() + " days ahead now");
        }
        return by;
    }

    private static void requireAdmin(Caller caller) {
        if (!(caller instanceof Caller.Admin)) {
            throw ApiError.FORBIDDEN.exception("The test clock is moved with the config token");
        }
    }
}
