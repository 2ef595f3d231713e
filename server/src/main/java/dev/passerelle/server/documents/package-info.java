/**
 * Subscriptions and their documents (docs/protocol.md §7.3): consent on subscriptions, document lists
 * and file downloads.
 */
package dev.passerelle.server.documents;
