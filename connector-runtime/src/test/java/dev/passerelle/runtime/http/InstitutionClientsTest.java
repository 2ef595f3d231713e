package dev.passerelle.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.MutualTls;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The institution's side of mutual TLS, as a PSD2 ASPSP's: an HTTPS server whose certificate only our
 * trust store vouches for, and that accepts only clients presenting a certificate it trusts. Key pairs
 * are made by the JDK's {@code keytool}, as an operator makes theirs.
 */
class InstitutionClientsTest {

    private static final String PASSWORD = "changeit";
    private static final ConnectorDescriptor CONNECTOR = ConnectorDescriptor.builder(91, UUID.randomUUID(), "TLS bank")
            .spiVersion(Spi.VERSION).settings(MutualTls.settings())
            .sources(List.of(SourceDescriptor.builder(910, "directaccess").build())).build();

    @TempDir
    static Path dir;

    private HttpsServer institution;

    @BeforeEach
    void institutionAskingForAClientCertificate() throws Exception {
        Path bank = keyPair("bank", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        keyPair("tpp", "CN=Passerelle TPP", null);
        keyPair("stranger", "CN=Someone else", null);
        trustStore("bank-trusts.p12", "tpp");
        trustStore("we-trust.p12", "bank");

        SSLContext tls = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(bank), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(dir.resolve("bank-trusts.p12")));
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

        institution = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        institution.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters required = tls.getDefaultSSLParameters();
                required.setNeedClientAuth(true);
                params.setSSLParameters(required);
            }
        });
        institution.createContext("/accounts", exchange -> {
            byte[] body = ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        institution.start();
    }

    @AfterEach
    void stop() {
        institution.stop(0);
    }

    @Test
    void theConfiguredCertificateIsPresentedAndTheConfiguredAuthorityTrusted() throws Exception {
        InstitutionHttp http = InstitutionClients.of(CONNECTOR, settings("tpp.p12", null));

        HttpResponse<String> answer = http.send(accounts(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("CN=Passerelle TPP");
    }

    @Test
    void theNamedEntryOfAKeyStoreHoldingSeveralIsTheOnePresented() throws Exception {
        Path both = dir.resolve("both.p12");
        Files.copy(dir.resolve("stranger.p12"), both);
        keytool("-importkeystore", "-srckeystore", dir.resolve("tpp.p12").toString(), "-srcstorepass", PASSWORD,
                "-destkeystore", both.toString(), "-deststorepass", PASSWORD, "-noprompt");

        HttpResponse<String> answer = InstitutionClients.of(CONNECTOR, settings("both.p12", "tpp"))
                .send(accounts(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).isEqualTo("CN=Passerelle TPP");
    }

    @Test
    void withoutAClientCertificateTheInstitutionRefusesTheHandshake() {
        InstitutionHttp http = InstitutionClients.of(CONNECTOR, settings(null, null));

        assertThatThrownBy(() -> http.send(accounts(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anAliasTheKeyStoreDoesNotHoldIsAConfigurationErrorNamingWhatItHolds() {
        assertThatThrownBy(() -> InstitutionClients.of(CONNECTOR, settings("tpp.p12", "qwac")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting '" + MutualTls.KEY_ALIAS + "' names 'qwac', which is no key entry of the key store "
                        + "(it holds [tpp])");
    }

    private HttpRequest accounts() {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + institution.getAddress().getPort() + "/accounts"))
                .build();
    }

    /** Trusts the bank's authority; presents {@code keyStore} (in {@link #dir}) under {@code alias} when given. */
    private static Settings settings(String keyStore, String alias) {
        Map<String, String> values = new HashMap<>(Map.of(MutualTls.TRUST_STORE, dir.resolve("we-trust.p12").toString(),
                MutualTls.TRUST_STORE_PASSWORD, PASSWORD));
        if (keyStore != null) {
            values.put(MutualTls.KEY_STORE, dir.resolve(keyStore).toString());
            values.put(MutualTls.KEY_STORE_PASSWORD, PASSWORD);
        }
        if (alias != null) {
            values.put(MutualTls.KEY_ALIAS, alias);
        }
        return Settings.of(values, MutualTls.settings());
    }

    private static Path keyPair(String alias, String name, String extension) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        if (Files.exists(store)) {
            return store;
        }
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", name, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD));
        if (extension != null) {
            args.addAll(List.of("-ext", extension));
        }
        keytool(args.toArray(String[]::new));
        keytool("-exportcert", "-alias", alias, "-keystore", store.toString(), "-storepass", PASSWORD, "-file",
                dir.resolve(alias + ".cer").toString());
        return store;
    }

    private static void trustStore(String file, String trusted) throws Exception {
        Path store = dir.resolve(file);
        if (!Files.exists(store)) {
            keytool("-importcert", "-noprompt", "-alias", trusted, "-file", dir.resolve(trusted + ".cer").toString(),
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static KeyStore load(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        }
    }
}
