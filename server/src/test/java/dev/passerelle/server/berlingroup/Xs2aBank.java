package dev.passerelle.server.berlingroup;

import dev.passerelle.xs2a.simulator.SimulatorOptions;
import dev.passerelle.xs2a.simulator.TlsOptions;
import dev.passerelle.xs2a.simulator.Xs2aSimulator;
import dev.passerelle.xs2a.simulator.pki.Credential;
import dev.passerelle.xs2a.simulator.pki.Psd2Role;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Berlin Group bank for the server's tests: the project's XS2A simulator, and the directory entry
 * that makes it a connector, given to the server as an operator would configure it. Over HTTPS with
 * mutual TLS and signed requests (a test QTSP issued its server certificate and the TPP's QWAC and
 * QSeal; the bank refuses an unsigned request), or over plain
 * HTTP for a browser that trusts no test authority. Built with {@link #builder()}; a test class keeps
 * one in a static field, gives it to the server in its {@code @DynamicPropertySource} and walks it as
 * a user with {@link PsuWalks}.
 */
public final class Xs2aBank implements AutoCloseable {

    public static final String UUID = "3f5c8a0e-2b7d-4e61-9c4a-8d1e0f2a3b4c";
    static final String NAME = "Simulated XS2A Bank";
    static final String BIC = "PASSDEB1XXX";
    private static final String PASSWORD = "changeit";

    public final Xs2aSimulator simulator;
    private final TestPki pki;
    private final Map<String, String> directory = new LinkedHashMap<>();

    private Xs2aBank(Builder builder) {
        try {
            pki = TestPki.create("Test QTSP");
            SimulatorOptions.Builder bank = SimulatorOptions.builder();
            builder.scenarios.forEach(bank::scenario);
            if (builder.tls) {
                Path dir = Files.createTempDirectory("xs2a-bank");
                dir.toFile().deleteOnExit();
                Credential qwac = pki.issueQwac("Passerelle Test TPP", Psd2Role.PSP_AI);
                Credential qseal = pki.issueQseal("Passerelle Test TPP", Psd2Role.PSP_AI);
                Path server = pki.issueServer("localhost", "127.0.0.1").writePkcs12(dir.resolve("server.p12"),
                        PASSWORD.toCharArray());
                bank.tls(TlsOptions.keyStore(server, PASSWORD.toCharArray()).requireClientCertificate(pki.certificate()))
                        .requireSignature(pki.certificate());
                directory.put("certificates.keystore", Credential.writePkcs12(dir.resolve("tpp.p12"),
                        PASSWORD.toCharArray(), Map.of("qwac", qwac, "qseal", qseal)).toString());
                directory.put("certificates.keystore-password", PASSWORD);
                directory.put("certificates.truststore", pki.writeTrustStore(dir.resolve("trust.p12"),
                        PASSWORD.toCharArray()).toString());
                directory.put("certificates.truststore-password", PASSWORD);
                directory.put("banks[0].qwac-alias", "qwac");
                directory.put("banks[0].signing", "true");
                directory.put("banks[0].qseal-alias", "qseal");
            }
            simulator = Xs2aSimulator.start(bank.build());
            directory.put("banks[0].name", NAME);
            directory.put("banks[0].uuid", UUID);
            directory.put("banks[0].country", "DE");
            directory.put("banks[0].bic", BIC);
            directory.put("banks[0].base-url", simulator.baseUrl().toString());
            directory.put("banks[0].sca-approaches", "redirect,decoupled,embedded");
            directory.put("banks[0].consent-model", "global");
            // The simulator counts every page of a report as an unattended access, as strict banks do; the
            // first fetch of an activated account is unattended, and a long report takes more than PSD2's four.
            directory.put("banks[0].frequency-per-day", "24");
            builder.entry.forEach((key, value) -> directory.put("banks[0]." + key, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bank over HTTPS with mutual TLS, the simulator's PSU catalogue and the default directory entry. */
    public static Builder builder() {
        return new Builder();
    }

    /** Over plain HTTP, for a real browser on the bank's pages. */
    public static Xs2aBank plainHttp() {
        return builder().plainHttp().start();
    }

    /** A browser's TLS: it trusts the test QTSP that issued the bank's certificate. */
    SSLContext browserTls() {
        return TestPki.trusting(pki.certificate());
    }

    /** The directory as {@code passerelle.connectors.providers.berlingroup.*} properties of the server. */
    public void configure(DynamicPropertyRegistry registry) {
        directory.forEach((key, value) -> registry.add("passerelle.connectors.providers.berlingroup." + key,
                () -> value));
    }

    @Override
    public void close() {
        simulator.close();
    }

    /** Builds an {@link Xs2aBank}: the PSUs it knows beyond the catalogue, its directory entry, its transport. */
    public static final class Builder {
        private final List<PsuScenario> scenarios = new ArrayList<>();
        private final Map<String, String> entry = new LinkedHashMap<>();
        private boolean tls = true;

        private Builder() {
        }

        /** A PSU the simulator knows besides its catalogue (or instead of the catalogue's of the same id). */
        public Builder psu(PsuScenario scenario) {
            scenarios.add(scenario);
            return this;
        }

        /** The bank's directory entry with {@code key} (e.g. {@code consent-model}) set to {@code value}. */
        public Builder entry(String key, String value) {
            entry.put(key, value);
            return this;
        }

        /** Over plain HTTP, without certificates or signatures. */
        public Builder plainHttp() {
            tls = false;
            return this;
        }

        public Xs2aBank start() {
            return new Xs2aBank(this);
        }
    }
}
