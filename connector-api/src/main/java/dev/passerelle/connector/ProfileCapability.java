package dev.passerelle.connector;

import java.util.Optional;

/** A connector that reads the account holder's identity ({@link Capability#PROFILE}). */
public interface ProfileCapability {

    Optional<Profile> profile(ConnectionContext ctx);
}
