/**
 * The connector service-provider interface (SPI).
 *
 * <p>A connector teaches Passerelle one institution. It is a stateless object discovered with
 * {@link java.util.ServiceLoader} (declare it in {@code META-INF/services/dev.passerelle.connector.Connector}).
 * It never sees HTTP requests, the database or the protocol's state strings: it receives a
 * {@link dev.passerelle.connector.ConnectionContext} and answers with a typed
 * {@link dev.passerelle.connector.StepResult}; the server alone maps outcomes to the Powens 2.0 wire
 * vocabulary (PROTOCOL-NOTES §4).
 *
 * <p>The shape follows woob's capabilities and exceptions (Budgea's connectors were woob modules),
 * Keycloak's authenticate/action split for multi-step authentication, and the result objects of
 * adorsys' open-banking-gateway.
 */
package dev.passerelle.connector;
