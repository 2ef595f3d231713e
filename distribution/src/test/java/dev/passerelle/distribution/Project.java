package dev.passerelle.distribution;

import java.nio.file.Path;

/** Where the project's files are, from the build ({@code passerelle.root}, {@code passerelle.server.jar}). */
final class Project {

    private Project() {
    }

    static Path root() {
        return Path.of(System.getProperty("passerelle.root", "..")).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static Path serverJar() {
        return Path.of(System.getProperty("passerelle.server.jar")).toAbsolutePath().normalize();
    }

    /** The non-root user of the container image (distribution/pom.xml). */
    static long imageUid() {
        return Long.parseLong(System.getProperty("passerelle.image.uid"));
    }
}
