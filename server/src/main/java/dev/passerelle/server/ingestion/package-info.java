/**
 * Pulling a connection source's data once a step on it succeeded ({@code SourceReady}), and the
 * consent model shared by accounts and subscriptions: discovered disabled, data fetched only after
 * activation, deleted on deactivation (PROTOCOL-NOTES §7; {@code docs/data.md}).
 */
package dev.passerelle.server.ingestion;
