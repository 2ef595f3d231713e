package dev.passerelle.connector;

/** How a connection source is added (docs/protocol.md §2.2 {@code auth_mechanism}). */
public enum AuthMechanism {
    /** The user types credentials that the server forwards to the institution. */
    CREDENTIALS("credentials"),
    /** The user authenticates on the institution's pages and is redirected back (webauth, docs/protocol.md §5). */
    WEBAUTH("webauth");

    private final String wireName;

    AuthMechanism(String wireName) {
        this.wireName = wireName;
    }

    /** The protocol string. */
    public String wireName() {
        return wireName;
    }
}
