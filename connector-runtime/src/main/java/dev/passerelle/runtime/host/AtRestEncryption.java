package dev.passerelle.runtime.host;

/**
 * The server's encryption of values at rest: an envelope authenticated with the value's
 * {@code purpose} (the column it belongs in), so that an envelope copied into another column fails to
 * decrypt, under keys the operator rotates. Columns holding envelopes are declared as
 * {@link SealedColumn}s.
 */
public interface AtRestEncryption {

    /** The envelope of {@code plaintext} for the column described by {@code purpose}. */
    String encrypt(String plaintext, String purpose);

    /** The plaintext of an envelope {@link #encrypt} wrote for {@code purpose}; throws if it does not authenticate. */
    String decrypt(String envelope, String purpose);
}
