/**
 * Bank accounts (docs/protocol.md §7.1): listing with per-currency balances, edits, and consent —
 * discovered accounts stay disabled until the user activates them, one or several at once — plus
 * the fixed account type catalogue.
 */
package dev.passerelle.server.accounts;
