/**
 * "Connecteur de test", the sandbox bank (docs/protocol.md §9): {@link dev.passerelle.testbank.TestBankConnector}
 * is the only public type. Inside, the authentication side is a {@code Scenario} enum whose constants
 * hold small {@code Behaviour}s (succeeds, asks an OTP, awaits an app validation, fails once…), and the
 * data side a {@code Branch} that describes a customer's accounts as {@code Rule}s applied day by day
 * from deterministic seeds.
 */
package dev.passerelle.testbank;
