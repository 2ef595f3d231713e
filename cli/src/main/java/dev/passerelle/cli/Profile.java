package dev.passerelle.cli;

/**
 * What {@code passerelle login} keeps: the API root, the client application and the user the CLI acts
 * as, and the config token for the webhook commands. Secrets: never printed ({@link #toString()}).
 *
 * @param redirectUri where webauth journeys of {@code connect} end (one of the client's whitelisted URIs)
 */
record Profile(String api, Long clientId, String clientSecret, String redirectUri, Long userId, String userToken,
               String configToken) {

    static Profile empty(String api) {
        return new Profile(api, null, null, null, null, null, null);
    }

    Profile withApi(String value) {
        return new Profile(value, clientId, clientSecret, redirectUri, userId, userToken, configToken);
    }

    Profile withClient(long id, String secret) {
        return new Profile(api, id, secret, redirectUri, userId, userToken, configToken);
    }

    Profile withUser(long id, String token) {
        return new Profile(api, clientId, clientSecret, redirectUri, id, token, configToken);
    }

    Profile withRedirectUri(String value) {
        return new Profile(api, clientId, clientSecret, value, userId, userToken, configToken);
    }

    Profile withConfigToken(String value) {
        return new Profile(api, clientId, clientSecret, redirectUri, userId, userToken, value);
    }

    @Override
    public String toString() {
        return "Profile[" + api + ", client " + clientId + ", user " + userId + "]";
    }
}
