package dev.passerelle.server.webauth;

import dev.passerelle.connector.PsuContext;
import dev.passerelle.runtime.Interactions;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.NoStore;
import dev.passerelle.server.auth.Caller;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.webauth.WebauthJourneys.Landing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.NonNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web authentication endpoints (docs/protocol.md §5): {@code GET /webauth-url} for the integrator's
 * back end, and for the browser {@code GET /webauth} and the institution's callback. A browser is
 * redirected only to a {@code redirect_uri} that is exactly in the client application's whitelist;
 * any problem before that is shown as a page. Once the redirect is known, problems travel back to
 * the integrator as {@code error} and {@code error_description}.
 */
@Tag(name = "Web authentication", description = "The redirect flow to an institution (docs/protocol.md, \"Web authentication\").")
@RestController
class WebauthController {

    private static final Logger log = LoggerFactory.getLogger(WebauthController.class);

    private final WebauthJourneys journeys;
    private final ClientApplications clients;
    private final WebauthPages pages;

    WebauthController(WebauthJourneys journeys, ClientApplications clients, WebauthPages pages) {
        this.journeys = journeys;
        this.clients = clients;
        this.pages = pages;
    }

    /** The URL is JSON ({@code WebauthURL}); problems are the usual error envelope. */
    record WebauthUrl(@Schema(format = "uri") @NonNull String url) {
    }

    @Operation(summary = "A link that sends the user's browser through the institution's web authentication",
            description = "Query: client_id, redirect_uri (whitelisted), state, and id_connector (a new connection) or "
                    + "id_connection (a reconnection), source.")
    @NoStore // the link carries a fresh single-use code
    @GetMapping("/webauth-url")
    WebauthUrl webauthUrl(Caller caller, @RequestParam Map<String, String> query) {
        if (!(caller instanceof Caller.User user)) {
            throw ApiError.FORBIDDEN.exception("The config token has no user; call with the user's token");
        }
        ClientRedirect redirect = ClientRedirect.check(clients, query.get("client_id"), query.get("redirect_uri"),
                query.get("state"));
        return new WebauthUrl(journeys.link(user, redirect, WebauthParams.from(query)).toString());
    }

    /** docs/protocol.md §5.2: 307 to the institution (or straight back to the integrator when nothing needs the browser). */
    @Operation(summary = "Start a web authentication in the browser",
            description = "Redirects to the institution, or straight back to redirect_uri (with error and error_description "
                    + "when it cannot start). An unsafe client_id or redirect_uri gets an HTML page instead.")
    @ApiResponse(responseCode = "307", description = "To the institution, or back to redirect_uri", content = @Content)
    @ApiResponse(responseCode = "400", description = "An HTML page: the link is invalid",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @GetMapping("/webauth")
    ResponseEntity<String> webauth(@RequestParam Map<String, String> query, PsuContext psu, Locale locale) {
        ClientRedirect redirect;
        try {
            redirect = ClientRedirect.check(clients, query.get("client_id"), query.get("redirect_uri"), query.get("state"));
        } catch (ApiException unsafe) {
            return pages.error(HttpStatus.BAD_REQUEST, "invalidLink", unsafe.description(), locale);
        }
        try {
            return RedirectUris.redirect(HttpStatus.TEMPORARY_REDIRECT,
                    journeys.begin(redirect, WebauthParams.from(query), query.get("token"), psu));
        } catch (ApiException e) {
            return RedirectUris.redirect(HttpStatus.TEMPORARY_REDIRECT, redirect.withError(e.error().code(), e.description()));
        } catch (RuntimeException e) {
            log.error("Web authentication could not start", e);
            return RedirectUris.redirect(HttpStatus.TEMPORARY_REDIRECT,
                    redirect.withError("server_error", "Internal error; the web authentication could not start"));
        }
    }

    /** docs/protocol.md §5.3: the fixed callback, the trip named by {@code state}; 302 to the integrator's {@code redirect_uri}. */
    @Operation(summary = "Where institutions send the browser back", description = "The trip is named by state; "
            + "redirects to the integrator's redirect_uri, or shows an HTML page when the trip is unknown or spent.")
    @ApiResponse(responseCode = "302", description = "To the integrator's redirect_uri", content = @Content)
    @ApiResponse(responseCode = "400", description = "An HTML page: the trip is unknown or spent", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @GetMapping(WebauthCallback.PATH)
    ResponseEntity<String> callback(@RequestParam Map<String, String> query, PsuContext psu, Locale locale) {
        return land(query, Optional.empty(), psu, locale);
    }

    /** A trip's own return URL after success (Berlin Group's {@code TPP-Redirect-URI}). */
    @Operation(summary = "A trip's own return URL after success (Berlin Group TPP-Redirect-URI)")
    @ApiResponse(responseCode = "302", description = "To the integrator's redirect_uri", content = @Content)
    @ApiResponse(responseCode = "400", description = "An HTML page: the trip is unknown or spent", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @GetMapping(WebauthCallback.PATH + "/{interaction}")
    ResponseEntity<String> returned(@RequestParam Map<String, String> query, @PathVariable String interaction,
                                    PsuContext psu, Locale locale) {
        return land(query, Optional.of(new Interactions.Return(interaction, false)), psu, locale);
    }

    /** A trip's own return URL after a refusal or failure ({@code TPP-Nok-Redirect-URI}). */
    @Operation(summary = "A trip's own return URL after a refusal or failure (Berlin Group TPP-Nok-Redirect-URI)")
    @ApiResponse(responseCode = "302", description = "To the integrator's redirect_uri", content = @Content)
    @ApiResponse(responseCode = "400", description = "An HTML page: the trip is unknown or spent", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @GetMapping(WebauthCallback.PATH + "/{interaction}/" + Interactions.REFUSED)
    ResponseEntity<String> refused(@RequestParam Map<String, String> query, @PathVariable String interaction,
                                   PsuContext psu, Locale locale) {
        return land(query, Optional.of(new Interactions.Return(interaction, true)), psu, locale);
    }

    private ResponseEntity<String> land(Map<String, String> query, Optional<Interactions.Return> returned,
                                        PsuContext psu, Locale locale) {
        return switch (journeys.callback(query, returned, psu)) {
            case Landing.Redirect(var location) -> RedirectUris.redirect(HttpStatus.FOUND, location);
            case Landing.Page(var status, var problem) -> pages.error(status, problem, null, locale);
        };
    }
}
