/** Encryption at rest (AES-256-GCM with key ids) and the random secrets and hashes of tokens. */
package dev.passerelle.server.crypto;
