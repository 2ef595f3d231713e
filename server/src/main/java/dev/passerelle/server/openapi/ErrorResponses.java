package dev.passerelle.server.openapi;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ErrorEnvelope;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error answers the document names on operations, each the envelope ({@link ErrorEnvelope}) with
 * an example from the catalogue ({@link ApiError}); {@code default} covers every other error status
 * (405, 409, 413, 415, 429, 500, 503), so that no error of any operation is left undescribed.
 */
enum ErrorResponses {
    BAD_REQUEST("400", "BadRequest", ApiError.INVALID_VALUE,
            "A parameter is missing or invalid, or the body cannot be read; a connection step that failed answers "
                    + "400 too, with the connection's state as the code (wrongpass, actionNeeded, …)."),
    UNAUTHORIZED("401", "Unauthorized", ApiError.UNAUTHORIZED, "No bearer token, or a malformed, expired or revoked one."),
    FORBIDDEN("403", "Forbidden", ApiError.FORBIDDEN, "The token may not act on this resource."),
    NOT_FOUND("404", "NotFound", ApiError.NOT_FOUND, "No such resource for this token."),
    OTHER("default", "Error", ApiError.TOO_MANY_REQUESTS,
            "Any other error: 405 method not allowed, 409 conflict (connectionLocked, noAccount, a state that forbids "
                    + "the call), 413 body too large, 415 media type, 429 too many requests (with Retry-After), "
                    + "500 bug (quote request_id), 503 service unavailable (with Retry-After).");

    private static final String EXAMPLE_REQUEST_ID = "3f1c2a9e-7b4d-4e0a-9c61-2d5b8f0e4a17";

    private final String status;
    private final String component;
    private final ApiError example;
    private final String description;

    ErrorResponses(String status, String component, ApiError example, String description) {
        this.status = status;
        this.component = component;
        this.example = example;
        this.description = description;
    }

    String status() {
        return status;
    }

    String component() {
        return component;
    }

    /** The response component: the envelope, with this error's catalogue entry as its example. */
    ApiResponse response(String envelopeSchema) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", example.code());
        body.put("description", example.description());
        body.put("message", null);
        body.put("request_id", EXAMPLE_REQUEST_ID);
        MediaType json = new MediaType().schema(new JsonSchema().$ref(envelopeSchema)).example(body);
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json));
    }
}
