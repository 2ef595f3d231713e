/**
 * Client applications (docs/protocol.md §1.3): the integrators' back ends, authenticated by
 * {@code client_id} + {@code client_secret} (stored hashed), with their redirect URI whitelists,
 * and the demo client registered at start-up.
 */
package dev.passerelle.server.clients;
