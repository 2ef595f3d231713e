/**
 * A simulated PSD2 bank served by Passerelle under {@code /sandbox/bank} (issue 3): the OAuth2
 * authorization-code pattern of real PSD2 APIs (RFC 6749 §4.1), with a login page, a consent screen
 * and a token endpoint, so that the web authentication of docs/protocol.md §5 can be walked end to
 * end with the test connector's {@code openapi} source. Its customers are the test connector's.
 */
package dev.passerelle.server.sandboxbank;
