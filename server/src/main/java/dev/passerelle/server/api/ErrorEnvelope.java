package dev.passerelle.server.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The protocol's error body (docs/protocol.md, "Error codes"): {@code {code, description, message, request_id}}.
 * {@code request_id} is the {@code X-Request-ID} UUID as a string, as the Powens SDK schema types it
 * (the prose docs say integer; see docs/protocol.md). Snake case by itself, so that the container's
 * error page renders it the same as Spring MVC does.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorEnvelope(String code, String description, String message, String requestId) {
}
