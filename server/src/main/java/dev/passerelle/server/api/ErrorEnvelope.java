package dev.passerelle.server.api;

/**
 * The protocol's error body (PROTOCOL-NOTES §11.1): {@code {code, description, message, request_id}}.
 * {@code request_id} is the {@code X-Request-ID} UUID as a string, as the Powens SDK schema types it
 * (the prose docs say integer; see docs/protocol.md).
 */
public record ErrorEnvelope(String code, String description, String message, String requestId) {
}
