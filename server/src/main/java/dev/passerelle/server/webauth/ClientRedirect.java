package dev.passerelle.server.webauth;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.clients.ClientApplications;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a web authentication ends (docs/protocol.md §5.3): the integrator's {@code redirect_uri}, exactly one of its
 * client application's whitelist and without a query string, and the {@code state} echoed there.
 * Nothing redirects to a URI that was not checked here: an open redirect would hand codes and
 * connection ids to whoever wrote the link.
 */
record ClientRedirect(long clientId, String redirectUri, String state) {

    /** The checked redirect of these parameters, or 400 {@code missingParameter}/{@code invalidValue}. */
    static ClientRedirect check(ClientApplications clients, String clientId, String redirectUri, String state) {
        if (clientId == null || clientId.isBlank()) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'client_id', the id of your client application");
        }
        long client = ClientApplications.parseId(clientId).orElseThrow(
                () -> ApiError.INVALID_VALUE.exception("'client_id' is the numeric id of a client application"));
        if (redirectUri == null || redirectUri.isBlank()) {
            throw ApiError.MISSING_PARAMETER.exception("Give 'redirect_uri'");
        }
        if (redirectUri.contains("?") || redirectUri.contains("#")) {
            throw ApiError.INVALID_VALUE.exception("'redirect_uri' must not carry a query string or a fragment");
        }
        if (!clients.isWhitelisted(client, redirectUri)) {
            throw ApiError.INVALID_VALUE.exception("'redirect_uri' is not in the whitelist of client application "
                    + client);
        }
        if (state != null && state.length() > ClientApplications.MAX_STATE) {
            throw ApiError.INVALID_VALUE.exception("'state' is longer than " + ClientApplications.MAX_STATE + " characters");
        }
        return new ClientRedirect(client, redirectUri, state);
    }

    /** The redirect URI carrying {@code answer} and the echoed {@code state}. */
    URI with(Map<String, String> answer) {
        Map<String, String> params = new LinkedHashMap<>(answer);
        params.put("state", state);
        return RedirectUris.withQuery(redirectUri, params);
    }

    /** The redirect URI carrying an error (docs/protocol.md §5.3: {@code error}, {@code error_description}). */
    URI withError(String error, String description) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        return with(answer);
    }
}
