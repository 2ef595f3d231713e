package dev.passerelle.connector;

import java.time.Clock;

/**
 * What a connector is given when the server starts it ({@link Connector#open}).
 *
 * @param settings its checked settings
 * @param clock    the server's clock
 * @param http     the HTTP client to reach the institution with
 * @param log      the server's log, for start-up messages
 */
public record ConnectorEnvironment(Settings settings, Clock clock, InstitutionHttp http, ConnectorLog log) {
}
