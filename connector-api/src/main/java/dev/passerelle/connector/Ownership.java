package dev.passerelle.connector;

/** How the user holds an account. */
public enum Ownership {
    OWNER, CO_OWNER, ATTORNEY
}
