/**
 * Transactions (docs/protocol.md §7.2): their idempotent, batched storage from connector data, and the
 * paged, date-filtered lists of consented accounts' transactions.
 */
package dev.passerelle.server.transactions;
