package dev.passerelle.server.users;

/**
 * A feature's part of a user's data export ({@code GET /users/{id}/export}, the GDPR right of
 * access): what the feature holds of the user, as its API shows it (never a secret, a hash or a
 * sealed value). Each feature holding user data declares one bean; {@code @Order} sets their order.
 */
public interface UserDataSection {

    /** The section's key in the export, e.g. {@code accounts}. */
    String name();

    /** The user's data, ready to be written as JSON. */
    Object export(long userId);
}
