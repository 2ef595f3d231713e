package dev.passerelle.xs2a.simulator.cli;

import dev.passerelle.xs2a.simulator.SimulatorOptions;
import dev.passerelle.xs2a.simulator.TlsOptions;
import dev.passerelle.xs2a.simulator.Xs2aSimulator;
import dev.passerelle.xs2a.simulator.pki.Credential;
import dev.passerelle.xs2a.simulator.pki.Psd2Role;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.security.Certificates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar passerelle-xs2a-simulator.jar [options]}: runs the simulator until stopped. The
 * options are listed by {@code --help} and in docs/berlin-group-simulator.md.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar passerelle-xs2a-simulator.jar [options]
              --host HOST               interface to listen on (default 127.0.0.1)
              --port PORT               port (default 8443 with --tls, 8080 without; 0 picks a free one)
              --base-path PATH          path before /v1, e.g. /psd2 (default none)
              --tls                     HTTPS with a certificate generated at start (its CA is printed)
              --keystore FILE           HTTPS with this PKCS#12 key store instead (implies --tls)
              --keystore-password PW    its password
              --pki-dir DIR             generate a test PKI into DIR (CA, server certificate, TPP QWAC and QSealC
                                        with PSD2 roles, as PKCS#12 and PEM; password "changeit") and serve HTTPS with it
              --require-client-cert     mutual TLS: TPP certificates must chain to --trust-ca (or the --pki-dir CA)
              --trust-ca FILE           PEM certificate of a CA trusted for TPP certificates (repeatable)
              --cert-header NAME        also take the TPP certificate from this request header
              --require-signature       refuse unsigned requests (Digest, Signature, TPP-Signature-Certificate)
              --require-psu-id          refuse consent requests without PSU-ID (also for the redirect approach)
              --spec FILE               the Berlin Group OpenAPI file: validate every request and response
                                        (default: system property passerelle.xs2a.spec or env PASSERELLE_XS2A_SPEC)
              --scenario-file FILE      PSU scenarios and bank faults (JSON)
              --seed N                  seed of the generated accounts and transactions (default 42)
              --max-consent-days N      longest consent validity (default 180)
              --redirect-approach A     REDIRECT or OAUTH for PSUs without a scenario (default REDIRECT)
              --page-size N             transactions per page (default 100)
              --absolute-links          absolute hrefs in _links (default: relative)
              --help                    this text
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Xs2aSimulator simulator;
        try {
            simulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (simulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Parses the arguments and starts the simulator; null after {@code --help}. */
    static Xs2aSimulator start(String[] args, PrintStream out) throws IOException {
        Deque<String> queue = new ArrayDeque<>(List.of(args));
        SimulatorOptions.Builder options = SimulatorOptions.builder();
        boolean tls = false;
        Integer port = null;
        Path keyStore = null;
        char[] keyStorePassword = null;
        Path pkiDir = null;
        boolean clientCertificates = false;
        String certificateHeader = null;
        boolean signatures = false;
        List<X509Certificate> trusted = new ArrayList<>();
        Path spec = SimulatorOptions.specFromEnvironment().orElse(null);
        while (!queue.isEmpty()) {
            String option = queue.pop();
            switch (option) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--host" -> options.host(value(queue, option));
                case "--port" -> port = integer(queue, option);
                case "--base-path" -> options.basePath(value(queue, option));
                case "--tls" -> tls = true;
                case "--keystore" -> {
                    keyStore = Path.of(value(queue, option));
                    tls = true;
                }
                case "--keystore-password" -> keyStorePassword = value(queue, option).toCharArray();
                case "--pki-dir" -> {
                    pkiDir = Path.of(value(queue, option));
                    tls = true;
                }
                case "--require-client-cert" -> clientCertificates = true;
                case "--trust-ca" -> trusted.add(Certificates.parse("--trust-ca",
                        Files.readString(Path.of(value(queue, option)))));
                case "--cert-header" -> certificateHeader = value(queue, option);
                case "--require-signature" -> signatures = true;
                case "--require-psu-id" -> options.psuIdRequired(true);
                case "--spec" -> spec = Path.of(value(queue, option));
                case "--scenario-file" -> {
                    ScenarioFile file = ScenarioFile.read(Path.of(value(queue, option)));
                    file.psus().forEach(options::scenario);
                    file.faults().forEach(options::bankFault);
                }
                case "--seed" -> options.seed(Long.parseLong(value(queue, option)));
                case "--max-consent-days" -> options.maxConsentValidity(Period.ofDays(integer(queue, option)));
                case "--redirect-approach" -> options.redirectApproach(ScaApproach.valueOf(value(queue, option)));
                case "--page-size" -> options.transactionsPerPage(integer(queue, option));
                case "--absolute-links" -> options.absoluteLinks(true);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        options.port(port != null ? port : tls ? 8443 : 8080);
        if (pkiDir != null) {
            TestPki pki = writePki(pkiDir, out);
            trusted.add(pki.certificate());
            keyStore = pkiDir.resolve("server.p12");
            keyStorePassword = PKI_PASSWORD;
        }
        if (tls) {
            TlsOptions tlsOptions = keyStore != null
                    ? TlsOptions.keyStore(keyStore, keyStorePassword == null ? new char[0] : keyStorePassword)
                    : TlsOptions.generated();
            if (clientCertificates) {
                tlsOptions = tlsOptions.requireClientCertificate(trusted.toArray(X509Certificate[]::new));
            }
            if (certificateHeader != null) {
                tlsOptions = tlsOptions.certificateHeader(certificateHeader);
            }
            options.tls(tlsOptions);
        } else if (clientCertificates) {
            throw new IllegalArgumentException("--require-client-cert needs --tls, --keystore or --pki-dir");
        }
        if (signatures) {
            options.requireSignature(trusted.toArray(X509Certificate[]::new));
        }
        if (spec != null) {
            options.spec(spec);
        }
        Xs2aSimulator simulator = Xs2aSimulator.start(options.build());
        out.println("XS2A simulator listening on " + simulator.baseUrl()
                + " (OpenAPI validation " + (simulator.validating() ? "on: " + spec : "off") + ")");
        simulator.serverCertificateAuthority().ifPresent(ca -> out.print(
                "Server certificate issued by this generated CA (trust it in your client):\n" + TestPki.pem(ca)));
        return simulator;
    }

    private static final char[] PKI_PASSWORD = "changeit".toCharArray();

    /** A test PKI for running the simulator by hand with curl or a TPP, generated anew at each start. */
    private static TestPki writePki(Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        TestPki pki = TestPki.create("Passerelle XS2A test CA");
        Files.writeString(dir.resolve("ca.pem"), TestPki.pem(pki.certificate()));
        pki.writeTrustStore(dir.resolve("ca-truststore.p12"), PKI_PASSWORD);
        pki.issueServer("localhost", "127.0.0.1").writePkcs12(dir.resolve("server.p12"), PKI_PASSWORD);
        Credential qwac = pki.issueQwac("Example TPP GmbH", Psd2Role.PSP_AI, Psd2Role.PSP_PI);
        qwac.writePkcs12(dir.resolve("tpp-qwac.p12"), PKI_PASSWORD);
        Files.writeString(dir.resolve("tpp-qwac.pem"), qwac.certificatePem());
        Files.writeString(dir.resolve("tpp-qwac.key.pem"), pem(qwac));
        Credential qseal = pki.issueQseal("Example TPP GmbH", Psd2Role.PSP_AI, Psd2Role.PSP_PI);
        qseal.writePkcs12(dir.resolve("tpp-qseal.p12"), PKI_PASSWORD);
        Files.writeString(dir.resolve("tpp-qseal.pem"), qseal.certificatePem());
        out.println("Test PKI written to " + dir.toAbsolutePath() + " (PKCS#12 password: changeit)");
        return pki;
    }

    private static String pem(Credential credential) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(credential.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String value(Deque<String> queue, String option) {
        if (queue.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return queue.pop();
    }

    private static int integer(Deque<String> queue, String option) {
        String value = value(queue, option);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }
}
