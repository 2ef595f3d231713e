/**
 * What every endpoint shares: the error catalogue and envelope (docs/protocol.md §11.1–11.2), the
 * request id, the wire date format (docs/protocol.md §11.4), tolerant request bodies (JSON, form-urlencoded,
 * multipart; docs/protocol.md §0), value-less flags such as {@code ?all}, and {@code expand} parsing.
 */
package dev.passerelle.server.api;
