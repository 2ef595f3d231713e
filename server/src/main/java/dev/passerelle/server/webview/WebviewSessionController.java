package dev.passerelle.server.webview;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.NoStore;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.NonNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webview/session}: the webview spends the {@code code} it was opened with, once, at
 * launch, and works with a session of its own from then on. A single-use code (what Powens
 * recommends for the webview, docs/auth.md) thus serves the whole flow, and an expired code
 * is known before the user types anything. The session is derived from the code (docs/auth.md):
 * it dies when the code's origin is revoked and never outlives the code; it mints no codes.
 */
@Tag(name = "Webview", description = "The hosted Connect pages (docs/webview.md).")
@RestController
class WebviewSessionController {

    private final TokenService tokens;

    WebviewSessionController(TokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Open a webview session", description = "With a temporary code from GET /auth/token/code as bearer.")
    @NoStore
    @PostMapping("/webview/session")
    WebviewSession open(Caller caller) {
        if (!(caller instanceof Caller.User user) || !user.kind().isExchangeable()) {
            throw ApiError.UNAUTHORIZED.exception("The webview's 'code' must be a temporary code from GET /auth/token/code");
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
