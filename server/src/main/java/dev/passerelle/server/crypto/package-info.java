/** Encryption at rest (AES-256-GCM with key ids), random secrets, hashes of tokens and slow hashes of client secrets. */
package dev.passerelle.server.crypto;
