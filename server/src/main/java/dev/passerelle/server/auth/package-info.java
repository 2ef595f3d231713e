/**
 * Tokens and who is calling (docs/protocol.md §1): temporary and permanent user tokens, temporary
 * codes (standard and single-use) and the domain's config token. Tokens are 256-bit random strings
 * stored as SHA-256 hashes; expiry reads the injected {@link java.time.Clock}.
 */
package dev.passerelle.server.auth;
