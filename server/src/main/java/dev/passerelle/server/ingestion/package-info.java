/**
 * Pulling a connection source's data once a step on it succeeded ({@code SourceReady}), and the
 * data that an item's consent covers ({@link dev.passerelle.server.consent.ConsentedData}): fetched
 * on activation, deleted on deactivation ({@code docs/data.md}).
 */
package dev.passerelle.server.ingestion;
