/**
 * Domain configuration (docs/configuration.md): typed keys that features declare
 * ({@link dev.passerelle.server.domainconfig.ConfigKeys}) and read ({@link dev.passerelle.server.domainconfig.DomainConfig}),
 * changed at run time through {@code POST /config} or the console, audited in {@code GET /config/logs}.
 */
package dev.passerelle.server.domainconfig;
