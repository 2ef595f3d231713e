package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The server compiles against no connector and gets them at run time only (server/pom.xml), so only
 * its jar, which the launcher, the container image and the multi-instance tests all run, says whether
 * they ship: the test connector, the sandbox bank of sandbox mode and the Berlin Group connector.
 */
class ServerJarTest {

    @Test
    void theServerJarCarriesTheConnectorsAndTheSandboxBank() throws IOException {
        try (JarFile jar = new JarFile(Project.serverJar().toFile())) {
            List<String> libraries = jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/passerelle-"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();

            assertThat(libraries).anyMatch(name -> name.startsWith("passerelle-connector-testbank-"))
                    .anyMatch(name -> name.startsWith("passerelle-sandbox-bank-"))
                    .anyMatch(name -> name.startsWith("passerelle-connector-berlingroup-"));
        }
    }
}
