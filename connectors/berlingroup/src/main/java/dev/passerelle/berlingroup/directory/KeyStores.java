package dev.passerelle.berlingroup.directory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the TPP's certificates are: one key store holding the QWAC and QSeal entries the banks name
 * by alias, and optionally a trust store of extra certificate authorities (a sandbox's private CA),
 * trusted on top of the JDK's.
 */
public record KeyStores(Path keyStore, char[] keyStorePassword, String keyStoreType, Path trustStore,
                        char[] trustStorePassword) {

    public KeyStores {
        keyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
        trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
    }

    public static KeyStores none() {
        return new KeyStores(null, null, "PKCS12", null, null);
    }

    public Optional<Path> keyStoreFile() {
        return Optional.ofNullable(keyStore);
    }

    public Optional<Path> trustStoreFile() {
        return Optional.ofNullable(trustStore);
    }

    @Override
    public char[] keyStorePassword() {
        return keyStorePassword == null ? new char[0] : keyStorePassword.clone();
    }

    @Override
    public char[] trustStorePassword() {
        return trustStorePassword == null ? new char[0] : trustStorePassword.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyStores other && java.util.Objects.equals(keyStore, other.keyStore)
                && Arrays.equals(keyStorePassword, other.keyStorePassword)
                && java.util.Objects.equals(trustStore, other.trustStore);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(keyStore, trustStore);
    }

    @Override
    public String toString() {
        return "KeyStores[" + keyStore + ", trust " + trustStore + "]"; // never the passwords
    }
}
