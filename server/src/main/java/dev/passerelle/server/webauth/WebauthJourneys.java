package dev.passerelle.server.webauth;

import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.PsuContext;
import dev.passerelle.connector.Resume;
import dev.passerelle.runtime.Interactions;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.auth.TokenKind;
import dev.passerelle.server.auth.TokenService;
import dev.passerelle.server.config.PublicUrl;
import dev.passerelle.server.connections.WebauthSteps;
import dev.passerelle.server.connections.WebauthSteps.RedirectStep;
import dev.passerelle.server.connections.WebauthSteps.RedirectTarget;
import dev.passerelle.server.webauth.WebauthFlows.Flow;
import dev.passerelle.server.webauth.WebauthFlows.Found;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The web authentication journey (docs/protocol.md §5): the link handed to the integrator, the
 * browser's visit that starts the connector's redirect, and the institution's callback that
 * completes it and sends the browser back to the integrator with {@code id_connection} or an
 * {@code error}.
 */
@Service
class WebauthJourneys {

    static final String WEBAUTH_PATH = "/webauth";

    private static final Logger log = LoggerFactory.getLogger(WebauthJourneys.class);

    private static final Landing ALREADY_USED = new Landing.Page(HttpStatus.BAD_REQUEST, "alreadyUsed");

    private final WebauthSteps connections;
    private final TokenService tokens;
    private final WebauthFlows flows;
    private final WebauthProperties properties;
    private final PublicUrl publicUrl;
    private final Clock clock;

    WebauthJourneys(WebauthSteps connections, TokenService tokens, WebauthFlows flows, WebauthProperties properties,
                    PublicUrl publicUrl, Clock clock) {
        this.connections = connections;
        this.tokens = tokens;
        this.flows = flows;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Where the browser lands after the callback: a redirect, or a page when no redirect may be trusted. */
    sealed interface Landing {
        record Redirect(URI location) implements Landing {
        }

        /** @param problem what went wrong, a {@code webauth.error.*} message key */
        record Page(HttpStatus status, String problem) implements Landing {
        }
    }

    /**
     * {@code GET /webauth-url} (docs/protocol.md §5.1): checks what the link would do (409 when the connection needs no
     * web authentication) and returns the {@code /webauth} link with a fresh single-use code.
     */
    URI link(Caller.User user, ClientRedirect redirect, WebauthParams params) {
        if (user.clientId() != null && user.clientId() != redirect.clientId()) {
            throw ApiError.INVALID_VALUE.exception("This user belongs to another client application than 'client_id'");
        }
        RedirectTarget target = connections.redirectTarget(user.userId(), params.connectorKey(), params.connectionId(),
                params.source());
        String code = tokens.derive(TokenKind.SINGLE_USE_CODE, user).token();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", Long.toString(redirect.clientId()));
        query.put("redirect_uri", redirect.redirectUri());
        query.put("token", code);
        if (params.connectorParam() != null) {
            query.put(params.connectorParam(), params.connectorKey());
        }
        query.put("id_connection", params.connectionId() == null ? null : Long.toString(params.connectionId()));
        query.put("source", params.source());
        query.put("state", redirect.state());
        target.fields().forEach(name -> query.put(name, params.fieldValues().get(name)));
        return RedirectUris.withQuery(publicUrl.base() + WEBAUTH_PATH, query);
    }

    /**
     * {@code GET /webauth} (docs/protocol.md §5.2), once the redirect is known safe: checks the temporary code,
     * creates or reuses the connection and answers where the browser goes, the institution's page
     * or (the step ended at once) back to the integrator.
     */
    URI begin(ClientRedirect redirect, WebauthParams params, String token, PsuContext psu) {
        Caller.User user = temporaryCodeUser(token, redirect.clientId());
        RedirectTarget target = connections.redirectTarget(user.userId(), params.connectorKey(), params.connectionId(),
                params.source());
        Interaction interaction = WebauthCallback.mint(publicUrl);
        RedirectStep step = connections.startRedirect(user.userId(), target, params.fieldValues(), interaction, psu);
        Flow flow = new Flow(user.userId(), step.connectionId(), step.source(), redirect.clientId(),
                redirect.redirectUri(), redirect.state(), target.connectionId() == null);
        return next(flow, step, redirect, interaction);
    }

    /**
     * The institution's return (docs/protocol.md §5.3): the trip its URL names ({@code returned}, the path of a trip's
     * own URL) or, on the fixed callback, its {@code state} names; completed once.
     */
    Landing callback(Map<String, String> query, Optional<Interactions.Return> returned, PsuContext psu) {
        String id = returned.map(Interactions.Return::interactionId).orElse(query.get("state"));
        Optional<Found> found = id == null || id.isBlank() ? Optional.empty() : flows.find(id);
        if (found.isEmpty()) {
            return new Landing.Page(HttpStatus.BAD_REQUEST, "unknownReturn");
        }
        Found trip = found.get();
        Flow flow = trip.flow();
        ClientRedirect redirect = new ClientRedirect(flow.clientId(), flow.redirectUri(), flow.clientState());
        Instant now = clock.instant();
        if (trip.completedAt() != null) {
            return ALREADY_USED;
        }
        if (!trip.expiresAt().isAfter(now)) {
            return new Landing.Redirect(redirect.withError("access_denied",
                    "The authentication at the institution took too long; start again"));
        }
        if (!flows.complete(trip.id(), now)) {
            return ALREADY_USED; // a concurrent callback completed it first
        }
        if (trip.connectionDeleted()) {
            // Deleted by the integrator while the user was at the institution: there is nothing left to
            // resume, and the integrator's redirect is known safe, so the answer goes back to it as any
            // error once the redirect is checked does (docs/webauth.md); the trip is spent all the same.
            return new Landing.Redirect(redirect.withError(ApiError.NOT_FOUND.code(),
                    "The connection was deleted while the user was at the institution"));
        }
        try {
            Interaction again = WebauthCallback.mint(publicUrl);
            RedirectStep step = connections.completeRedirect(flow.userId(), flow.connectionId(), flow.source(),
                    new Resume.Callback(query, returned.map(Interactions.Return::refused).orElse(false)), again,
                    flow.newConnection(), psu);
            return new Landing.Redirect(next(flow, step, redirect, again));
        } catch (ApiException e) {
            return new Landing.Redirect(redirect.withError(e.error().code(), e.description()));
        } catch (RuntimeException e) {
            log.error("Web authentication callback on connection {} failed", flow.connectionId(), e);
            return new Landing.Redirect(redirect.withError("server_error", "Internal error while completing the "
                    + "web authentication"));
        }
    }

    /**
     * Where the browser goes after a step: the institution's page (the trip recorded under the
     * interaction the step was given), or the integrator.
     */
    private URI next(Flow flow, RedirectStep step, ClientRedirect redirect, Interaction interaction) {
        if (step.redirect() != null) {
            Instant now = clock.instant();
            flows.open(interaction.id(), flow, now, now.plus(properties.flowLifetime()));
            return step.redirect();
        }
        if (step.denied()) {
            return redirect.withError("access_denied", describe(step, "The user did not authorize the access"));
        }
        if (step.failed()) {
            return redirect.withError("server_error", describe(step, step.state().wire()));
        }
        // Authenticated; the connection may still ask for more (an OTP...): the integrator reads it (docs/protocol.md §5.3).
        String id = Long.toString(step.connectionId());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("id_connection", id);
        answer.put("connection_id", id);
        return redirect.with(answer);
    }

    private Caller.User temporaryCodeUser(String token, long clientId) {
        if (token == null || token.isBlank()) {
            throw ApiError.UNAUTHORIZED.exception("Give 'token', a temporary code from GET /auth/token/code");
        }
        Caller.User user = tokens.resolve(token.strip()).orElseThrow(() -> ApiError.UNAUTHORIZED.exception(
                "The temporary code is unknown, expired or already used"));
        if (!user.kind().isTemporary()) {
            throw ApiError.UNAUTHORIZED.exception("'token' must be a temporary code from GET /auth/token/code, "
                    + "never a permanent token: URLs end up in browser histories and logs");
        }
        if (user.clientId() != null && user.clientId() != clientId) {
            throw ApiError.UNAUTHORIZED.exception("The temporary code was issued for another client application");
        }
        return user;
    }

    private static String describe(RedirectStep step, String fallback) {
        return step.errorMessage() != null ? step.errorMessage() : fallback;
    }
}
