package dev.passerelle.connector;

/** Who an account serves: a person, an organisation or an association. */
public enum AccountUsage {
    PRIVATE, ORGANISATION, ASSOCIATION
}
