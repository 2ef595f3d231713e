package dev.passerelle.cli;

import dev.passerelle.client.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config.json} in the user's configuration directory ({@code $XDG_CONFIG_HOME/passerelle},
 * else {@code ~/.config/passerelle}, per the XDG Base Directory Specification), readable by its owner
 * only: it holds tokens and the client secret. Written whole to a temporary file created with
 * owner-only rights, then moved in place, so no reader ever sees a half-written file.
 */
final class ConfigStore {

    private final Path dir;

    ConfigStore(Path dir) {
        this.dir = dir;
    }

    static ConfigStore of(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(env.getOrDefault("HOME",
                System.getProperty("user.home")), ".config");
        return new ConfigStore(base.resolve("passerelle"));
    }

    Path file() {
        return dir.resolve("config.json");
    }

    Optional<Profile> load() {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Wire.json().readValue(Files.readAllBytes(file()), Profile.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Profile profile) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temporary = Files.createTempFile(dir, "config", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, Wire.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(profile));
            Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
