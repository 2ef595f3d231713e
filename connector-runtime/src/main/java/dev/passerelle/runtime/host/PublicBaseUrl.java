package dev.passerelle.runtime.host;

/**
 * The server's public base URL: the API root as browsers and institutions reach it (e.g.
 * {@code https://bank-api.example.com/2.0}), the base of every URL the server hands out.
 */
public interface PublicBaseUrl {

    /**
     * The base URL, without a trailing slash. Read it when needed, not at start-up: a server listening
     * on a port chosen at start-up knows it only once it listens.
     */
    String base();
}
