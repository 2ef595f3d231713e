package dev.passerelle.berlingroup;

import dev.passerelle.berlingroup.directory.BankDescriptor;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Connector;
import dev.passerelle.testkit.BankBrowser;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import dev.passerelle.xs2a.simulator.SimulatorClock;
import dev.passerelle.xs2a.simulator.SimulatorOptions;
import dev.passerelle.xs2a.simulator.TlsOptions;
import dev.passerelle.xs2a.simulator.Xs2aSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One test's bank: the project's XS2A simulator over HTTPS with mutual TLS (certificates of
 * {@link TppCertificates}), whose clock follows the test's, and the connector the
 * {@link BerlinGroupProvider} makes from a directory entry pointing at it, as an operator would
 * configure it. Validates every exchange against the Berlin Group OpenAPI file when the build gives
 * it ({@code -Dpasserelle.xs2a.spec}).
 */
final class SimulatedBank implements AutoCloseable {

    static final String UUID = "6f1d2a3c-7b8e-4f90-a1b2-c3d4e5f60718";
    static final String CLIENT_ID = "PSDDE-BAFIN-000001";

    final TppCertificates tpp = TppCertificates.get();
    final TestClock clock = TestClock.at("2025-03-14T09:30:00Z");
    final Xs2aSimulator simulator;
    private final Map<String, String> directory = new LinkedHashMap<>();

    private SimulatedBank(Consumer<SimulatorOptions.Builder> options, TlsOptions tls, Map<String, String> bank) {
        SimulatorOptions.Builder builder = SimulatorOptions.builder()
                .clock(SimulatorClock.following(clock))
                .tls(tls)
                .spec(SimulatorOptions.specFromEnvironment().orElse(null));
        options.accept(builder);
        this.simulator = Xs2aSimulator.start(builder.build());
        directory.put("certificates.keystore", tpp.keyStore.toString());
        directory.put("certificates.keystore-password", TppCertificates.PASSWORD);
        directory.put("certificates.truststore", tpp.trustStore.toString());
        directory.put("certificates.truststore-password", TppCertificates.PASSWORD);
        directory.put("banks[0].name", "Simulated Bank");
        directory.put("banks[0].uuid", UUID);
        directory.put("banks[0].country", "DE");
        directory.put("banks[0].bic", "PASSDEB1XXX");
        directory.put("banks[0].base-url", simulator.baseUrl().toString());
        directory.put("banks[0].sca-approaches", "redirect,oauth,decoupled,embedded");
        directory.put("banks[0].consent-model", "global");
        directory.put("banks[0].qwac-alias", TppCertificates.QWAC);
        directory.put("banks[0].oauth-client-id", CLIENT_ID);
        bank.forEach((key, value) -> directory.put("banks[0]." + key, value));
    }

    /** A bank demanding the QWAC over TLS, the connector configured with {@code bank} (keys of {@code banks[0]}). */
    static SimulatedBank start(Map<String, String> bank) {
        return start(options -> {
        }, bank);
    }

    static SimulatedBank start(Consumer<SimulatorOptions.Builder> options, Map<String, String> bank) {
        TppCertificates tpp = TppCertificates.get();
        return new SimulatedBank(options, TlsOptions.keyStore(tpp.serverKeyStore, TppCertificates.PASSWORD.toCharArray())
                .requireClientCertificate(tpp.pki.certificate()), bank);
    }

    /** A bank with its own TLS options (a gateway taking the certificate in a header, no client certificate…). */
    static SimulatedBank start(TlsOptions tls, Consumer<SimulatorOptions.Builder> options, Map<String, String> bank) {
        return new SimulatedBank(options, tls, bank);
    }

    static TlsOptions serverTls() {
        return TlsOptions.keyStore(TppCertificates.get().serverKeyStore, TppCertificates.PASSWORD.toCharArray());
    }

    /** The provider's configuration, keys relative to its prefix. */
    Map<String, String> directory() {
        return Map.copyOf(directory);
    }

    Connector connector() {
        return new BerlinGroupProvider().connectors(directory).getFirst();
    }

    /**
     * A dialogue with the connector as the server runs it: with the settings its provider gives it (the
     * QWAC of the directory), reaching the bank with the server's client.
     */
    Dialogue.Builder dialogue() {
        return dialogue(directory);
    }

    /** The same, the connector configured with {@code directory} instead (this bank's, a key changed). */
    Dialogue.Builder dialogue(Map<String, String> directory) {
        Connector connector = new BerlinGroupProvider().connectors(directory).getFirst();
        Dialogue.Builder dialogue = Dialogue.with(connector).clock(clock).serverHttp();
        new BerlinGroupProvider().settings(directory, connector.descriptor()).forEach(dialogue::setting);
        return dialogue;
    }

    /** A dialogue on the web-authentication source (redirect, OAuth, decoupled), with the user id when given. */
    Dialogue webauth(String psuId) {
        Dialogue.Builder dialogue = dialogue().source(BankDescriptor.OPEN_API).mechanism(AuthMechanism.WEBAUTH);
        if (psuId != null) {
            dialogue.field(BankDescriptor.OPEN_API_LOGIN, psuId);
        }
        return dialogue.build();
    }

    /** A dialogue on the embedded source with the user's id and password. */
    Dialogue embedded(String psuId, String password) {
        return dialogue().source(BankDescriptor.EMBEDDED)
                .field(BankDescriptor.LOGIN, psuId).field(BankDescriptor.PASSWORD, password).build();
    }

    BankBrowser accepting(String psuId) {
        return PsuBrowser.accepting(tpp.pki.certificate(), psuId);
    }

    BankBrowser denying(String psuId) {
        return PsuBrowser.denying(tpp.pki.certificate(), psuId);
    }

    /** Moves time on for the bank and the connector alike. */
    void advance(Duration by) {
        clock.advance(by);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
