/**
 * The simulated PSD2 bank of sandbox mode, served by a Passerelle server under {@code /sandbox/bank}:
 * the OAuth2 authorization-code pattern of real PSD2 APIs (RFC 6749 §4.1), with a login page, a
 * consent screen and a token endpoint, so that the web authentication of docs/protocol.md §5 can be
 * walked end to end with the test connector's {@code openapi} source. Its customers are the test
 * connector's. A module of its own, which the server has at run time only
 * ({@link dev.passerelle.sandboxbank.SandboxBankAutoConfiguration}).
 */
package dev.passerelle.sandboxbank;
