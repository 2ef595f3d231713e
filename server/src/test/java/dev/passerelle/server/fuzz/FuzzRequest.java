package dev.passerelle.server.fuzz;

import java.util.Map;

/**
 * One generated request. {@code target} is the path and query below the API root, already
 * percent-encoded the way the generator wants it on the wire; {@code raw} requests go over a plain
 * socket, for bytes no HTTP client library would send, and spell the API root and the protocol
 * version as {@code root} and {@code version} say ({@code /2.0} and {@code HTTP/1.1} for the others).
 */
record FuzzRequest(Route route, String method, String root, String target, String version,
                   Map<String, String> headers, byte[] body, boolean raw, String shape) {

    @Override
    public String toString() {
        return method + " " + root + target + " " + version + " " + headers.keySet() + " (" + shape + ", " + body.length + " bytes)";
    }
}
