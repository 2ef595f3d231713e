/**
 * The console's support pages for one user and one connection: what the operator needs to help a
 * user (the user's client, connections, accounts, a connection's sources and timeline) and the
 * actions on them (sync now, delete, move the sandbox clock). A leaf: it composes the users,
 * connections, accounts and test clock features, and nothing depends on it.
 */
package dev.passerelle.server.usersupport;
