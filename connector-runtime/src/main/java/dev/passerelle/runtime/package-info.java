/**
 * The connector runtime: the only code that calls a connector. It is free of any framework, so that
 * the server (the Powens API adapter over it) and the connector test kit run the same code.
 */
package dev.passerelle.runtime;
