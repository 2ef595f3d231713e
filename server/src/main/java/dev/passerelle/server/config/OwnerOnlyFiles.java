package dev.passerelle.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Everything the server keeps on disk is readable by its own account only: the data directory
 * (the H2 database, generated keys and secrets) and the log file, directories 0700 and files 0600,
 * whatever the process umask. The data directory is made owner-only before any bean opens it
 * (the database creates its files inside, unreachable to others from the start), and every file
 * in it is set to 0600 once the server is up. On file systems without POSIX permissions, nothing.
 */
@Component
public class OwnerOnlyFiles implements BeanFactoryPostProcessor, EnvironmentAware, ApplicationListener<ApplicationReadyEvent> {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        createDirectories(dataDirectory());
        restrict(dataDirectory());
        logFile().ifPresent(OwnerOnlyFiles::restrict);
        Optional.ofNullable(environment.getProperty("logging.file.path")).map(Path::of).ifPresent(OwnerOnlyFiles::restrict);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        restrictTree(dataDirectory());
        logFile().ifPresent(OwnerOnlyFiles::restrict);
    }

    private Path dataDirectory() {
        return Path.of(environment.getProperty("passerelle.data-dir", "./data")).toAbsolutePath().normalize();
    }

    private Optional<Path> logFile() {
        return Optional.ofNullable(environment.getProperty("logging.file.name")).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** Creates {@code dir} and its missing parents owner-only. */
    public static void createDirectories(Path dir) {
        try {
            if (POSIX) {
                Files.createDirectories(dir, attribute(DIRECTORY));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create directory " + dir, e);
        }
    }

    /** Creates the empty file {@code file} owner-only; fails if it exists. */
    public static void createFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, attribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    private static void restrictTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(OwnerOnlyFiles::restrict);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Cannot restrict the permissions under " + root, e);
        }
    }

    private static void restrict(Path path) {
        if (!POSIX || !Files.exists(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + path + " owner-only", e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
