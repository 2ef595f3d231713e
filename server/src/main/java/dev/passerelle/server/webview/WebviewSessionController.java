package dev.passerelle.server.webview;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.NoStore;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.NonNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webview/session}: the webview spends the {@code code} it was opened with, once, at
 * launch, and works with a session of its own from then on. A single-use code (what Powens
 * recommends for the webview, docs/auth.md) thus serves the whole flow, and an expired code
 * is known before the user types anything. The session is derived from the code (docs/auth.md):
 * it dies when the code's origin is revoked and never outlives the code; it mints no codes. The page
 * names its checked {@code client_id}: a code of another client application's user opens nothing,
 * as {@code /webauth} refuses it, so a user of one client never works under another's page and
 * redirect URI.
 */
@Tag(name = "Webview", description = "The hosted Connect pages (docs/webview.md).")
@RestController
class WebviewSessionController {

    private final TokenService tokens;

    WebviewSessionController(TokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Open a webview session", description = "With a temporary code from GET /auth/token/code as bearer.",
            requestBody = @RequestBody(content = @Content(schemaProperties = @SchemaProperty(name = "client_id",
                    schema = @Schema(type = "string", example = "10000001",
                            description = "The webview's client application; a code of another client's user is refused")))))
    @NoStore
    @PostMapping("/webview/session")
    WebviewSession open(Caller caller, BodyParams body) {
        if (!(caller instanceof Caller.User user) || !user.kind().isExchangeable()) {
            throw ApiError.UNAUTHORIZED.exception("The webview's 'code' must be a temporary code from GET /auth/token/code");
        }
        Long clientId = body.number("client_id").orElse(null);
        if (clientId != null && user.clientId() != null && !clientId.equals(user.clientId())) {
            throw ApiError.UNAUTHORIZED.exception("The webview's 'code' was issued for another client application");
        }
        TokenService.Issued session = tokens.derive(TokenKind.WEBVIEW_SESSION, user);
        return new WebviewSession(session.token(), session.expiresIn());
    }

    /** The session's bearer token and its seconds to live. */
    record WebviewSession(@NonNull String token, Integer expiresIn) {
        @Override
        public String toString() {
            return "WebviewSession[" + expiresIn + " s]";
        }
    }
}
