package dev.passerelle.berlingroup;

import dev.passerelle.xs2a.simulator.pki.Credential;
import dev.passerelle.xs2a.simulator.pki.Psd2Role;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The test's eIDAS world, made once per test run: a QTSP (certificate authority) that issued the
 * TPP's QWAC and QSeal (in one PKCS#12 key store, aliases {@value #QWAC} and {@value #QSEAL}, as an
 * operator keeps them) and the bank's server certificate; and a trust store of the QTSP for the
 * connector.
 */
final class TppCertificates {

    static final String QWAC = "qwac";
    static final String QSEAL = "qseal";
    static final String PASSWORD = "changeit";

    private static TppCertificates instance;

    final TestPki pki;
    final Credential qwac;
    final Credential qseal;
    final Path keyStore;
    final Path trustStore;
    final Path serverKeyStore;

    private TppCertificates() throws IOException {
        pki = TestPki.create("Passerelle Test QTSP");
        qwac = pki.issueQwac("Passerelle Test TPP", Psd2Role.PSP_AI);
        qseal = pki.issueQseal("Passerelle Test TPP", Psd2Role.PSP_AI);
        Path dir = Files.createTempDirectory("xs2a-tpp");
        dir.toFile().deleteOnExit();
        keyStore = Credential.writePkcs12(dir.resolve("tpp.p12"), PASSWORD.toCharArray(), Map.of(QWAC, qwac, QSEAL, qseal));
        trustStore = pki.writeTrustStore(dir.resolve("trust.p12"), PASSWORD.toCharArray());
        serverKeyStore = pki.issueServer("localhost", "127.0.0.1").writePkcs12(dir.resolve("server.p12"),
                PASSWORD.toCharArray());
    }

    static synchronized TppCertificates get() {
        if (instance == null) {
            try {
                instance = new TppCertificates();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }
}
