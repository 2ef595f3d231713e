/**
 * Abuse limits: request rates per client address and per token on the endpoints that create
 * things or check secrets, a cap on request body size, and a per-connector concurrency limit so
 * that a flood of requests cannot hammer an institution, with a per-user share of it so that one
 * user cannot take a connector's whole capacity.
 */
package dev.passerelle.server.limits;
