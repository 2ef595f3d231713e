package dev.passerelle.server.webview;

/**
 * Why a webview URL is refused before any page is served. The user sees the reason on an error
 * page and is never redirected: a {@code redirect_uri} that failed the client's whitelist must not
 * receive anything (PROTOCOL-NOTES §10.2).
 */
enum WebviewRefusal {
    UNKNOWN_CLIENT(
            "Cette application n'est pas reconnue (client_id absent ou inconnu).",
            "This application is not recognised (client_id missing or unknown)."),
    REDIRECT_URI_MISSING(
            "L'adresse de retour (redirect_uri) est absente.",
            "The return address (redirect_uri) is missing."),
    REDIRECT_URI_NOT_WHITELISTED(
            "L'adresse de retour (redirect_uri) n'est pas autorisée pour cette application.",
            "The return address (redirect_uri) is not allowed for this application."),
    CODE_MISSING(
            "Le code d'accès de l'utilisateur (code) est absent.",
            "The user's access code (code) is missing."),
    CONNECTION_ID_MISSING(
            "La connexion à réparer (connection_id) est absente ou invalide.",
            "The connection to fix (connection_id) is missing or invalid."),
    BAD_MAX_CONNECTIONS(
            "Le nombre maximal de connexions (max_connections) doit être un entier positif.",
            "The maximum number of connections (max_connections) must be a positive whole number.");

    private final String french;
    private final String english;

    WebviewRefusal(String french, String english) {
        this.french = french;
        this.english = english;
    }

    String message(WebviewLanguage lang) {
        return lang == WebviewLanguage.FR ? french : english;
    }
}
