/**
 * Users of the domain (docs/protocol.md §1.3): {@code GET/DELETE /users/{userId}}, {@code GET /users},
 * the purge of temporary users and the {@link dev.passerelle.server.users.UserDeleted} event.
 */
package dev.passerelle.server.users;
