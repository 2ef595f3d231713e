package dev.passerelle.server.users;

/**
 * Published while a user is being deleted, before its rows go: listeners that must still read them
 * (a consent to withdraw at an institution) act then. Best effort: a listener's failure does not
 * stop the deletion. {@link UserDeleted} follows once the user is gone.
 */
public record UserDeleting(long userId) {
}
