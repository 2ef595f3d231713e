/**
 * Running Passerelle: the start-up summary, the metrics operators watch ({@code /actuator/prometheus}),
 * the optional access log, and the health probe command of the container image. See
 * {@code docs/operations.md}.
 */
package dev.passerelle.server.ops;
