/**
 * The administration console (docs/console.md): server-rendered pages (Thymeleaf, message
 * bundles) over the same services as the configuration API, for operators signed in with a
 * password, an optional TOTP second factor and a session cookie; CSRF tokens on every form, a
 * lockout after repeated failures. A small session layer of its own rather than Spring Security:
 * sessions live in the database like tokens, so any instance serves any operator.
 */
package dev.passerelle.server.console;
