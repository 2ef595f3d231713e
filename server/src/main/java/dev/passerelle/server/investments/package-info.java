/**
 * Wealth: the investments of market and life-insurance accounts and their history, on the Powens
 * routes ({@code /users/{u}[/connections/{c}][/accounts/{a}]/investments[/{i}/history]}). The
 * ingestion feature stores them for activated accounts; this feature owns their tables.
 */
package dev.passerelle.server.investments;
