package dev.passerelle.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NonNull;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The protocol's error body (docs/protocol.md §11.1, §11.2): {@code {code, description, message, request_id}}.
 * {@code request_id} is the {@code X-Request-ID} UUID as a string, as the Powens SDK schema types it
 * (the prose docs say integer; see docs/protocol.md). Snake case by itself, so that the container's
 * error page renders it the same as Spring MVC does.
 */
@Schema(description = "Every error's body: branch on code; show message (when not null) to the user.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorEnvelope(
        @Schema(implementation = ApiError.class) @NonNull String code,
        @Schema(description = "For the developer: what went wrong.", example = "No connection 42") @NonNull String description,
        @Schema(description = "For the end user, when there is something to tell them (a connector's message).") String message,
        @Schema(format = "uuid", description = "The request's X-Request-ID: quote it when reporting a problem.") @NonNull String requestId) {
}
