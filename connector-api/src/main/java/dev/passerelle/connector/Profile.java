package dev.passerelle.connector;

/**
 * Identity of the account holder (profile capability, PROTOCOL-NOTES §7.4).
 *
 * @param name    full name
 * @param email   e-mail address, or {@code null}
 * @param phone   phone number, or {@code null}
 * @param address postal address on one line, or {@code null}
 */
public record Profile(String name, String email, String phone, String address) {
}
