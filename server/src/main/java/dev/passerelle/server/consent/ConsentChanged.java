package dev.passerelle.server.consent;

import dev.passerelle.server.consent.DiscoveredRows.Kind;

/**
 * Published when the user granted or withdrew consent on an account or a subscription
 * (docs/protocol.md §8.2 {@code ACCOUNT_ENABLED} / {@code ACCOUNT_DISABLED}); repeating a change
 * publishes nothing.
 */
public record ConsentChanged(Kind kind, long id, boolean disabled) {
}
