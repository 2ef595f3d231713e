package dev.passerelle.server.openapi;

import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.auth.Caller;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of the protocol shares, read off the handler's parameters: a {@link Caller}
 * means a bearer token (and 401/403 answers), a {@link BodyParams} means a body accepted as JSON,
 * form-urlencoded or multipart alike (docs/protocol.md §0), a path variable means a
 * 404 when no such resource is the caller's; and every error, listed or not, is the envelope.
 */
final class ProtocolOperations implements OperationCustomizer {

    static final String BEARER = "bearer";
    static final String RESPONSES_REF = "#/components/responses/";
    static final List<String> BODY_ENCODINGS = List.of(
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean authenticated = takes(handler, Caller.class);
        if (authenticated) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        if (takes(handler, BodyParams.class)) {
            operation.setRequestBody(inEveryEncoding(operation.getRequestBody()));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (answersErrorsInHtml(responses)) {
            return operation; // a step of a browser's journey: its errors are pages, documented on it
        }
        error(responses, ErrorResponses.BAD_REQUEST);
        if (authenticated) {
            error(responses, ErrorResponses.UNAUTHORIZED);
            error(responses, ErrorResponses.FORBIDDEN);
        }
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
            error(responses, ErrorResponses.NOT_FOUND);
        }
        error(responses, ErrorResponses.OTHER);
        operation.setResponses(responses);
        return operation;
    }

    private static boolean answersErrorsInHtml(ApiResponses responses) {
        return responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("4") && r.getValue().getContent() != null
                && r.getValue().getContent().containsKey(org.springframework.http.MediaType.TEXT_HTML_VALUE));
    }

    private static boolean takes(HandlerMethod handler, Class<?> type) {
        return Arrays.stream(handler.getMethodParameters()).map(MethodParameter::getParameterType).anyMatch(type::equals);
    }

    /**
     * The body the handler documents, offered in the three encodings: its fields are the members of a
     * JSON object or the form's fields alike; a body without documented fields is any object.
     */
    private static RequestBody inEveryEncoding(RequestBody documented) {
        RequestBody body = documented == null ? new RequestBody() : documented;
        MediaType form = body.getContent() == null || body.getContent().isEmpty()
                ? new MediaType().schema(new JsonSchema())
                : body.getContent().values().iterator().next();
        if (form.getSchema().get$ref() == null) {
            form.getSchema().setTypes(new LinkedHashSet<>(Set.of("object")));
        }
        Content content = new Content();
        BODY_ENCODINGS.forEach(encoding -> content.addMediaType(encoding, form));
        return body.content(content);
    }

    private static void error(ApiResponses responses, ErrorResponses error) {
        if (!responses.containsKey(error.status())) {
            responses.addApiResponse(error.status(), new ApiResponse().$ref(RESPONSES_REF + error.component()));
        }
    }
}
