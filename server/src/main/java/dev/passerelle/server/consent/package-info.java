/**
 * The consent model shared by accounts and subscriptions: discovered disabled, data fetched only
 * after activation, deleted on deactivation (docs/protocol.md; {@code docs/data.md}). The rows it
 * reads are the discovered items' own; the data their consent covers reaches it through
 * {@link dev.passerelle.server.consent.ConsentedData}.
 */
package dev.passerelle.server.consent;
