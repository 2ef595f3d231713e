/**
 * What the server lends to the parts it runs beside connectors, such as the sandbox bank of sandbox
 * mode ({@code connectors/sandbox-bank}): its public base URL, encryption at rest and the sealed
 * columns key rotation walks, and a say on which connector sources can work here. Plain interfaces
 * that the server implements, so that such a part depends on this module and never on the server,
 * and the server never on it (docs/architecture.md).
 */
package dev.passerelle.runtime.host;
