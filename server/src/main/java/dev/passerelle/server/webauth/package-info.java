/**
 * Web authentication (docs/protocol.md §5): {@code GET /webauth-url}, {@code GET /webauth} and the
 * institutions' callback, which add or reconnect a connection through the institution's own pages
 * (PSD2 redirect) and send the browser back to the integrator's whitelisted {@code redirect_uri}.
 */
package dev.passerelle.server.webauth;
