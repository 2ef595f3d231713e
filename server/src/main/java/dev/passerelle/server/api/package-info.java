/**
 * What every endpoint shares: the error catalogue and envelope (PROTOCOL-NOTES §11.1–11.2), the
 * request id, the wire date format (§11.4), tolerant request bodies (JSON, form-urlencoded,
 * multipart; §0bis), value-less flags such as {@code ?all}, and {@code expand} parsing.
 */
package dev.passerelle.server.api;
