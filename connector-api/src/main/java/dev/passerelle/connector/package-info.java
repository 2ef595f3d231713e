/**
 * The connector service-provider interface (SPI), version {@value dev.passerelle.connector.Spi#VERSION}.
 *
 * <p>A connector teaches Passerelle one institution. It is a thread-safe object discovered with
 * {@link java.util.ServiceLoader} (declare it in {@code META-INF/services/dev.passerelle.connector.Connector},
 * or declare a {@link dev.passerelle.connector.ConnectorProvider} that makes several from
 * configuration). It never sees HTTP requests, the database or the protocol's state strings: it
 * receives a {@link dev.passerelle.connector.ConnectionContext} and answers with a typed
 * {@link dev.passerelle.connector.StepResult}, or stops a data call with an
 * {@link dev.passerelle.connector.Interruption}; the server alone maps outcomes to the Powens 2.0
 * wire vocabulary (docs/protocol.md). Data types are built with builders, so that adding a field
 * in a later version breaks no connector.
 *
 * <p>The shape follows woob's capabilities and exceptions (Budgea's connectors were woob modules),
 * Keycloak's authenticate/action split for multi-step authentication, and the result objects of
 * adorsys' open-banking-gateway.
 */
package dev.passerelle.connector;
