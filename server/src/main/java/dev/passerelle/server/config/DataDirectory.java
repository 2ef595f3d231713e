package dev.passerelle.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's data directory ({@code passerelle.data-dir}, {@code ./data} by default): the H2
 * database and the secrets generated on first start (demo client secret, config token, keys).
 * Secret files are created owner-only (0600, in 0700 directories) and never rewritten, so a
 * restart keeps them; {@link OwnerOnlyFiles} keeps everything else in the directory owner-only.
 */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(@Value("${passerelle.data-dir:./data}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The content of secret file {@code name}; generated with {@code generator} and written
     * owner-only the first time. Safe when two processes start together: one creation wins.
     */
    public String secret(String name, Supplier<String> generator) {
        return secretAt(root.resolve(name), generator);
    }

    /** As {@link #secret(String, Supplier)}, for a secret file kept outside the data directory. */
    public String secretAt(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            OwnerOnlyFiles.createDirectories(file.getParent());
            try {
                OwnerOnlyFiles.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String value = generator.get();
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create secret file " + file, e);
        }
    }

    /** Where secret file {@code name} lives, to name it in logs instead of its content. */
    public Path secretPath(String name) {
        return root.resolve(name);
    }
}
