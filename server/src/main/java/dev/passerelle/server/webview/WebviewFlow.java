package dev.passerelle.server.webview;

import java.util.Arrays;
import java.util.Optional;

/**
 * The flows of the hosted Connect webview (docs/protocol.md §10.1, §10.3–10.5) and what each needs
 * before a page is served.
 */
enum WebviewFlow {
    /** Add a connection; without {@code code} the webview creates the user. */
    CONNECT("connect", true, false, false),
    /** Fix or re-enter the credentials of one connection, keeping its id. */
    RECONNECT("reconnect", true, true, true),
    /** List the user's connections: sync, delete, (de)activate accounts; the callback is optional. */
    MANAGE("manage", false, true, false);

    private final String wire;
    private final boolean redirectRequired;
    private final boolean codeRequired;
    private final boolean connectionRequired;

    WebviewFlow(String wire, boolean redirectRequired, boolean codeRequired, boolean connectionRequired) {
        this.wire = wire;
        this.redirectRequired = redirectRequired;
        this.codeRequired = codeRequired;
        this.connectionRequired = connectionRequired;
    }

    static Optional<WebviewFlow> of(String wire) {
        return Arrays.stream(values()).filter(flow -> flow.wire.equals(wire)).findFirst();
    }

    String wire() {
        return wire;
    }

    boolean redirectRequired() {
        return redirectRequired;
    }

    boolean codeRequired() {
        return codeRequired;
    }

    boolean connectionRequired() {
        return connectionRequired;
    }
}
