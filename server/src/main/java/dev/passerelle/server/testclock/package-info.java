/**
 * Sandbox mode ({@code passerelle.sandbox.enabled}, off by default): a server clock that
 * {@code POST /test/clock} moves forward, so that consent, OTP and token expiries and background
 * schedules can be tried in seconds. Every component reads time from the injected {@code Clock}.
 */
package dev.passerelle.server.testclock;
