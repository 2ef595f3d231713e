/**
 * End-to-end encryption of connector field values (docs/protocol.md §6): the domain publishes an RSA
 * public key as a JWK ({@code GET /publickey}, RFC 7517) and clients may replace any field value by
 * a JWE compact serialization (RFC 7516, {@code RSA-OAEP-256} + {@code A256GCM}) carrying its {@code kid}.
 */
package dev.passerelle.server.e2e;
