package dev.passerelle.server.webview;

/**
 * Why a webview URL is refused before any page is served. The user sees the reason on an error
 * page and is never redirected: a {@code redirect_uri} that failed the client's whitelist must not
 * receive anything (docs/webview.md "Parameters"). The words are in the message bundles under {@link #key()}.
 */
enum WebviewRefusal {
    UNKNOWN_CLIENT("unknownClient"),
    REDIRECT_URI_MISSING("redirectUriMissing"),
    REDIRECT_URI_NOT_WHITELISTED("redirectUriNotWhitelisted"),
    CODE_MISSING("codeMissing"),
    CONNECTION_ID_MISSING("connectionIdMissing"),
    CONNECTION_ID_INVALID("connectionIdInvalid"),
    BAD_MAX_CONNECTIONS("badMaxConnections"),
    /** Longer than {@code /webauth} keeps ({@link dev.passerelle.server.clients.ClientApplications#MAX_STATE}). */
    STATE_TOO_LONG("stateTooLong"),
    RESET_CREDENTIALS_NOT_A_FLAG("resetCredentialsNotAFlag"),
    /** Parameters that are not valid UTF-8 percent-encoding, carry a NUL, or are too many (docs/security.md "Logs"). */
    UNREADABLE("unreadable"),
    /** A path the servlet container refuses before any page sees it: an encoded slash, a NUL (docs/webview.md "Parameters"). */
    UNREADABLE_PATH("unreadablePath");

    private final String key;

    WebviewRefusal(String key) {
        this.key = key;
    }

    /** The message key of the explanation. */
    String key() {
        return "webview.refusal." + key;
    }
}
