package dev.passerelle.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * {@code POST /auth/token/access} and {@code /auth/renew}: a permanent token. Read from
 * {@code access_token}, or {@code token} as Powens' guide shows it.
 */
public record AccessToken(@JsonAlias("token") String accessToken, String tokenType) {

    @Override
    public String toString() {
        return "AccessToken[" + tokenType + "]"; // never the token
    }
}
