package dev.passerelle.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.NoStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.NonNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /auth/*} (docs/protocol.md §1.3): creating users with their first token, temporary codes,
 * exchanging a code for a permanent token, renewing and revoking tokens.
 */
@Tag(name = "Authentication", description = "Users' tokens: create, exchange, renew, revoke (docs/protocol.md).")
@RestController
@NoStore
public class AuthController {

    private final TokenGrants grants;
    private final TokenService tokens;
    private final ClientCredentials clients;
    private final Callers callers;

    public AuthController(TokenGrants grants, TokenService tokens, ClientCredentials clients, Callers callers) {
        this.grants = grants;
        this.tokens = tokens;
        this.clients = clients;
        this.callers = callers;
    }

    /**
     * A new user and its first token: permanent when a client application (both credentials) or the
     * config token vouches for the call, otherwise temporary. One credential without the other is
     * a 401, never a silent temporary user.
     */
    @Operation(summary = "Create a user and its first token",
            description = "Permanent when a client application's credentials (or the config token as bearer) vouch for "
                    + "the call, otherwise temporary (30 minutes). One credential without the other is a 401.",
            requestBody = @RequestBody(content = @Content(schemaProperties = {
                    @SchemaProperty(name = "client_id", schema = @Schema(type = "string", example = "10000001")),
                    @SchemaProperty(name = "client_secret", schema = @Schema(type = "string", format = "password"))})))
    @PostMapping("/auth/init")
    public AuthToken init(BodyParams body, HttpServletRequest request) {
        Optional<String> clientId = body.string("client_id");
        Optional<String> secret = body.string("client_secret");
        if (clientId.isPresent() || secret.isPresent()) {
            long client = clients.authenticate(clientId.orElse(null), secret.orElse(null));
            return AuthToken.of(grants.newPermanentUser(client));
        }
        if (callers.optional(request).filter(Caller.Admin.class::isInstance).isPresent()) {
            return AuthToken.of(grants.newPermanentUser(null));
        }
        return AuthToken.of(grants.newTemporaryUser());
    }

    /**
     * A temporary code for the bearer's user; {@code type} in the query or the body. Only the tokens
     * that start an access mint codes (a permanent token, or the temporary token of an anonymous
     * {@code /auth/init}): a code or a webview session is refused, so no chain of codes outlives its
     * origin. The code lives 30 minutes or as long as its origin, whichever is shorter.
     */
    @Operation(summary = "Get a temporary code for the user",
            description = "Only a permanent token or the temporary token of an anonymous /auth/init mints codes. "
                    + "The code lives 30 minutes, or as long as the token that minted it.",
            requestBody = @RequestBody(content = @Content(schemaProperties =
                    @SchemaProperty(name = "type", schema = @Schema(type = "string", allowableValues = {"requestAccess", "singleAccess"})))))
    @RequestMapping(path = "/auth/token/code", method = {RequestMethod.GET, RequestMethod.POST})
    public AuthCode code(Caller caller,
                         @Parameter(schema = @Schema(allowableValues = {"requestAccess", "singleAccess"}, defaultValue = "requestAccess"))
                         @RequestParam(name = "type", required = false) String queryType, BodyParams body) {
        CodeType type = CodeType.parse(Optional.ofNullable(queryType).filter(t -> !t.isBlank())
                .or(() -> body.string("type")).orElse(CodeType.REQUEST_ACCESS.wire));
        Caller.User user = userOf(caller);
        if (!user.kind().mintsCodes()) {
            throw ApiError.FORBIDDEN.exception("A code cannot mint codes; ask with the user's permanent token");
        }
        TokenService.Issued issued = tokens.derive(type.kind, user);
        return new AuthCode(issued.token(), "temporary", type.access, issued.expiresIn());
    }

    /** Exchanges a temporary code or token for a permanent token; its user becomes permanent. */
    @Operation(summary = "Exchange a temporary code for a permanent token", description = "Its user becomes permanent.",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(requiredProperties = {"code", "client_id", "client_secret"}),
                    schemaProperties = {
                            @SchemaProperty(name = "code", schema = @Schema(type = "string")),
                            @SchemaProperty(name = "client_id", schema = @Schema(type = "string", example = "10000001")),
                            @SchemaProperty(name = "client_secret", schema = @Schema(type = "string", format = "password")),
                            @SchemaProperty(name = "grant_type", schema = @Schema(type = "string", allowableValues = "authorization_code")),
                            @SchemaProperty(name = "redirect_uri", schema = @Schema(type = "string", format = "uri",
                                    description = "Checked against the client's whitelist when given"))})))
    @PostMapping("/auth/token/access")
    public AccessToken access(BodyParams body) {
        String code = body.require("code");
        String clientId = body.require("client_id");
        String secret = body.require("client_secret");
        body.string("grant_type").filter(grant -> !grant.equals("authorization_code")).ifPresent(grant -> {
            throw ApiError.INVALID_VALUE.exception("grant_type must be 'authorization_code'");
        });
        long client = clients.authenticate(clientId, secret);
        body.string("redirect_uri").filter(uri -> !clients.isWhitelisted(client, uri)).ifPresent(uri -> {
            throw ApiError.INVALID_VALUE.exception("redirect_uri is not whitelisted for this client");
        });
        return AccessToken.of(grants.exchange(code, client));
    }

    /** A new permanent token for an existing user of the client ({@code id_user}), or for a new user. */
    @Operation(summary = "Get a new permanent token for a user of the client, or for a new user",
            requestBody = @RequestBody(required = true, content = @Content(
                    schema = @Schema(requiredProperties = {"grant_type", "client_id", "client_secret"}),
                    schemaProperties = {
                            @SchemaProperty(name = "grant_type", schema = @Schema(type = "string", allowableValues = "client_credentials")),
                            @SchemaProperty(name = "client_id", schema = @Schema(type = "string", example = "10000001")),
                            @SchemaProperty(name = "client_secret", schema = @Schema(type = "string", format = "password")),
                            @SchemaProperty(name = "id_user", schema = @Schema(type = "integer", format = "int64",
                                    description = "A user of this client; without it, a new user")),
                            @SchemaProperty(name = "revoke_previous", schema = @Schema(type = "boolean", defaultValue = "false"))})))
    @PostMapping("/auth/renew")
    public AccessToken renew(BodyParams body) {
        if (!body.require("grant_type").equals("client_credentials")) {
            throw ApiError.INVALID_VALUE.exception("grant_type must be 'client_credentials'");
        }
        long client = clients.authenticate(body.require("client_id"), body.require("client_secret"));
        return AccessToken.of(grants.renew(client, body.number("id_user"), body.bool("revoke_previous").orElse(false)));
    }

    /** Revokes the token the request carries, and the codes and sessions derived from it; 204. */
    @Operation(summary = "Revoke the request's token", description = "And the codes and sessions derived from it.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @DeleteMapping("/auth/token")
    public ResponseEntity<Void> revoke(Caller caller) {
        tokens.revoke(userOf(caller).tokenId());
        return ResponseEntity.noContent().build();
    }

    private static Caller.User userOf(Caller caller) {
        return switch (caller) {
            case Caller.User user -> user;
            case Caller.Admin admin -> throw ApiError.FORBIDDEN.exception("The config token has no user; use a user token");
            case Caller.UsersReader reader -> throw ApiError.FORBIDDEN.exception("The users token has no user; use a user token");
        };
    }

    /** {@code GET /auth/token/code?type=}: the wire name, the token kind minted and the {@code access} it reports. */
    private enum CodeType {
        REQUEST_ACCESS("requestAccess", TokenKind.CODE, "standard"),
        SINGLE_ACCESS("singleAccess", TokenKind.SINGLE_USE_CODE, "single");

        private final String wire;
        private final TokenKind kind;
        private final String access;

        CodeType(String wire, TokenKind kind, String access) {
            this.wire = wire;
            this.kind = kind;
            this.access = access;
        }

        static CodeType parse(String wire) {
            return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst()
                    .orElseThrow(() -> ApiError.INVALID_VALUE.exception("type must be 'requestAccess' or 'singleAccess'"));
        }
    }

    /** {@code AuthToken}; a permanent token has no {@code expires_in} key at all (observed). */
    public record AuthToken(@NonNull String authToken,
                            @Schema(allowableValues = {"permanent", "temporary"}) @NonNull String type, long idUser,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer expiresIn) {
        static AuthToken of(TokenService.Issued issued) {
            boolean permanent = issued.kind() == TokenKind.PERMANENT;
            return new AuthToken(issued.token(), permanent ? "permanent" : "temporary", issued.userId(),
                    issued.expiresIn());
        }

        @Override
        public String toString() {
            return "AuthToken[" + type + " for user " + idUser + "]";
        }
    }

    /** {@code AuthCode}: {@code type} is always {@code temporary}; {@code access} is {@code standard} or {@code single}. */
    public record AuthCode(@NonNull String code, @Schema(allowableValues = "temporary") @NonNull String type,
                           @Schema(allowableValues = {"standard", "single"}) @NonNull String access, Integer expiresIn) {
        @Override
        public String toString() {
            return "AuthCode[" + access + "]";
        }
    }

    /**
     * The answer of {@code /auth/token/access} and {@code /auth/renew}: the token both as
     * {@code access_token} (the reference API, OAuth 2) and as {@code token} (the integration guide's
     * examples), so that clients written after either read it (docs/protocol.md).
     */
    public record AccessToken(@NonNull String accessToken, @NonNull String token,
                              @Schema(allowableValues = "Bearer") @NonNull String tokenType) {
        static AccessToken of(TokenService.Issued issued) {
            return new AccessToken(issued.token(), issued.token(), "Bearer");
        }

        @Override
        public String toString() {
            return "AccessToken[" + tokenType + "]";
        }
    }
}
