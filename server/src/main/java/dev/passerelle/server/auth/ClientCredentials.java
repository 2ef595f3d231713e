package dev.passerelle.server.auth;

/**
 * What the {@code /auth/*} grants ask of the client applications that vouch for a call. The
 * clients feature provides it: client applications are managed with the config token, so
 * authentication sits below them and names only what it asks of them.
 */
public interface ClientCredentials {

    /**
     * The numeric id of the client application that {@code clientId} and {@code secret} prove, or
     * 401 {@code unauthorized}.
     */
    long authenticate(String clientId, String secret);

    /** Whether {@code uri} is one of the client application's whitelisted redirect URIs. */
    boolean isWhitelisted(long clientId, String uri);
}
