/**
 * Sandbox mode ({@code passerelle.sandbox.enabled}, off by default): a server clock that
 * {@code POST /test/clock} moves forward, and one clock per user on top of it
 * ({@code POST /users/{id}/test/clock}, read in a {@link dev.passerelle.server.config.UserTime}
 * scope), so that consent, OTP and token expiries and background schedules can be tried in seconds.
 * Every component reads time from the injected {@code Clock}.
 */
package dev.passerelle.server.testclock;
