/**
 * Configuration changes at run time: the one way to write one ({@link dev.passerelle.server.audit.ConfigChanges}:
 * serialised, logged with who, when, before and after, and announced to every instance through a
 * version counter), the audit log's reads, and the per-instance caches that follow the version.
 */
package dev.passerelle.server.audit;
