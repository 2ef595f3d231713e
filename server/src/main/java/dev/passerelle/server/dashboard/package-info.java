/**
 * The console's first page: figures read from several features (users, connections, webhooks). Apart
 * from {@code console}, which every feature's pages build on, so that no package cycle forms.
 */
package dev.passerelle.server.dashboard;
