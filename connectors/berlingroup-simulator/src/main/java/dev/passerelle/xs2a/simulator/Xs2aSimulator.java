package dev.passerelle.xs2a.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.passerelle.xs2a.simulator.bank.AccountEndpoints;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.consent.ConsentEndpoints;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.http.Handler;
import dev.passerelle.xs2a.simulator.pki.Credential;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import dev.passerelle.xs2a.simulator.sca.AuthorisationEndpoints;
import dev.passerelle.xs2a.simulator.sca.OAuthServer;
import dev.passerelle.xs2a.simulator.sca.PsuPages;
import dev.passerelle.xs2a.simulator.sca.RedirectPages;
import dev.passerelle.xs2a.simulator.sca.ScaFlows;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import dev.passerelle.xs2a.simulator.security.ClientCertificateCheck;
import dev.passerelle.xs2a.simulator.security.SignatureCheck;
import dev.passerelle.xs2a.simulator.spec.SpecValidator;
import dev.passerelle.xs2a.simulator.web.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A Berlin Group NextGenPSD2 XS2A account-information bank over real HTTP(S), for tests and by itself
 * ({@code java -jar passerelle-xs2a-simulator.jar}, see docs/berlin-group-simulator.md).
 *
 * <pre>{@code
 * try (Xs2aSimulator bank = Xs2aSimulator.start(SimulatorOptions.builder()
 *         .tls(TlsOptions.generated())
 *         .scenario(PsuScenario.builder("alice").approach(ScaApproach.EMBEDDED).build())
 *         .build())) {
 *     URI api = bank.baseUrl();                 // https://127.0.0.1:<port>
 *     ... the connector under test calls api + "/v1/consents" ...
 *     bank.hits(Endpoint.TRANSACTIONS);         // how often it was called
 *     bank.requests(Endpoint.CREATE_CONSENT);   // what it received and answered
 * }
 * }</pre>
 */
public final class Xs2aSimulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Bank bank;
    private final Recorder recorder;
    private final Optional<X509Certificate> generatedServerCa;
    private final boolean validating;

    private Xs2aSimulator(HttpServer server, ExecutorService executor, Bank bank, Recorder recorder,
                          Optional<X509Certificate> generatedServerCa, boolean validating) {
        this.server = server;
        this.executor = executor;
        this.bank = bank;
        this.recorder = recorder;
        this.generatedServerCa = generatedServerCa;
        this.validating = validating;
    }

    /** Starts a simulator with the default options: plain HTTP on a free port of 127.0.0.1, the catalogue's PSUs. */
    public static Xs2aSimulator start() {
        return start(SimulatorOptions.builder().build());
    }

    public static Xs2aSimulator start(SimulatorOptions options) {
        Bank bank = new Bank(options);
        Recorder recorder = new Recorder();
        Optional<SpecValidator> spec = options.spec().map(file -> SpecValidator.load(file, options.basePath()));
        Optional<ClientCertificateCheck> clientCertificates = options.tlsOptions()
                .filter(TlsOptions::clientCertificateRequired).map(ClientCertificateCheck::new);
        List<X509Certificate> signingAnchors = !options.signatureTrustAnchors().isEmpty()
                ? options.signatureTrustAnchors()
                : options.tlsOptions().map(TlsOptions::clientTrustAnchors).orElse(List.of());
        SignatureCheck signatures = new SignatureCheck(options.signatureRequired(), signingAnchors, options.basePath());
        Dispatcher dispatcher = new Dispatcher(bank, handlers(bank), spec, clientCertificates, signatures, recorder);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
            HttpServer server;
            Optional<X509Certificate> generatedCa = Optional.empty();
            if (options.tlsOptions().isPresent()) {
                TlsOptions tls = options.tlsOptions().get();
                Credential credential;
                if (tls.keyStoreFile().isPresent()) {
                    credential = null;
                } else {
                    TestPki pki = TestPki.create("Passerelle XS2A simulator CA");
                    credential = pki.issueServer("localhost", "127.0.0.1", options.host());
                    generatedCa = Optional.of(pki.certificate());
                }
                HttpsServer https = HttpsServer.create(address, 64);
                SSLContext context = serverContext(tls, credential);
                https.setHttpsConfigurator(new HttpsConfigurator(context) {
                    @Override
                    public void configure(HttpsParameters parameters) {
                        SSLParameters ssl = context.getDefaultSSLParameters();
                        ssl.setWantClientAuth(tls.clientCertificateRequired());
                        parameters.setSSLParameters(ssl);
                    }
                });
                server = https;
            } else {
                server = HttpServer.create(address, 64);
            }
            server.createContext("/", new HttpFront(options.basePath(), dispatcher));
            server.setExecutor(executor);
            server.start();
            String scheme = options.tlsOptions().isPresent() ? "https" : "http";
            String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
            bank.baseUrl(URI.create(scheme + "://" + host + ":" + server.getAddress().getPort()));
            return new Xs2aSimulator(server, executor, bank, recorder, generatedCa, spec.isPresent());
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the XS2A simulator on " + options.host() + ":" + options.port(), e);
        }
    }

    private static Map<Endpoint, Handler> handlers(Bank bank) {
        ScaFlows flows = new ScaFlows(bank);
        PsuPages pages = new PsuPages(bank, flows, new Templates());
        OAuthServer oauth = new OAuthServer(bank, flows, pages);
        ConsentEndpoints consents = new ConsentEndpoints(bank, flows);
        AuthorisationEndpoints authorisations = new AuthorisationEndpoints(bank, flows);
        AccountEndpoints accounts = new AccountEndpoints(bank, oauth);
        RedirectPages redirect = new RedirectPages(bank, pages);
        Map<Endpoint, Handler> handlers = new EnumMap<>(Endpoint.class);
        handlers.put(Endpoint.CREATE_CONSENT, consents::create);
        handlers.put(Endpoint.GET_CONSENT, consents::get);
        handlers.put(Endpoint.DELETE_CONSENT, consents::delete);
        handlers.put(Endpoint.CONSENT_STATUS, consents::status);
        handlers.put(Endpoint.START_AUTHORISATION, authorisations::start);
        handlers.put(Endpoint.LIST_AUTHORISATIONS, authorisations::list);
        handlers.put(Endpoint.SCA_STATUS, authorisations::status);
        handlers.put(Endpoint.UPDATE_PSU_DATA, authorisations::update);
        handlers.put(Endpoint.ACCOUNTS, accounts::accounts);
        handlers.put(Endpoint.ACCOUNT_DETAILS, accounts::details);
        handlers.put(Endpoint.BALANCES, accounts::balances);
        handlers.put(Endpoint.TRANSACTIONS, accounts::transactions);
        handlers.put(Endpoint.TRANSACTION_DETAILS, accounts::transactionDetails);
        handlers.put(Endpoint.CARD_ACCOUNTS, accounts::cardAccounts);
        handlers.put(Endpoint.CARD_ACCOUNT_DETAILS, accounts::details);
        handlers.put(Endpoint.CARD_BALANCES, accounts::balances);
        handlers.put(Endpoint.CARD_TRANSACTIONS, accounts::transactions);
        handlers.put(Endpoint.REDIRECT_PAGE, redirect::page);
        handlers.put(Endpoint.REDIRECT_SUBMIT, redirect::submit);
        handlers.put(Endpoint.OAUTH_METADATA, oauth::metadata);
        handlers.put(Endpoint.OAUTH_AUTHORIZE_PAGE, oauth::authorizePage);
        handlers.put(Endpoint.OAUTH_AUTHORIZE_SUBMIT, oauth::authorizeSubmit);
        handlers.put(Endpoint.OAUTH_TOKEN, oauth::token);
        handlers.put(Endpoint.CHALLENGE_IMAGE, authorisations::challengeImage);
        return handlers;
    }

    /**
     * The server's TLS context. Client certificates are asked for but accepted by the TLS layer whatever
     * they are, so that the bank can refuse them in the protocol (CERTIFICATE_INVALID and kin).
     */
    private static SSLContext serverContext(TlsOptions tls, Credential generated) {
        try {
            KeyStore keyStore;
            char[] password;
            if (generated != null) {
                password = "simulator".toCharArray();
                keyStore = generated.keyStore(password);
            } else {
                password = tls.keyStorePassword();
                keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(tls.keyStore())) {
                    keyStore.load(in, password);
                }
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {new AskingTrustManager()}, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key store " + tls.keyStore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** Takes any client certificate at the TLS layer (judged later, in the protocol); never used for servers. */
    private static final class AskingTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("server-side trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("server-side trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("server-side trust manager");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The API root, e.g. {@code https://127.0.0.1:43123/psd2}: append {@code /v1/consents} and so on. */
    public URI baseUrl() {
        return URI.create(bank.baseUrl() + bank.options().basePath());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimulatorClock clock() {
        return bank.options().clock();
    }

    /** The CA of the server certificate generated at start (with {@link TlsOptions#generated()}), for clients to trust. */
    public Optional<X509Certificate> serverCertificateAuthority() {
        return generatedServerCa;
    }

    /** Whether requests and responses are validated against the OpenAPI file. */
    public boolean validating() {
        return validating;
    }

    /** Adds or replaces a PSU's scenario while running. */
    public void scenario(PsuScenario scenario) {
        bank.scenarios().put(scenario);
    }

    /** A failure for the whole bank, whoever the PSU. */
    public void fault(Fault fault) {
        bank.scenarios().addBankFault(fault);
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return recorder.all();
    }

    public List<RecordedRequest> requests(Endpoint endpoint) {
        return recorder.all().stream().filter(r -> r.endpoint() == endpoint).toList();
    }

    /** How many times an endpoint was called (whatever the answer). */
    public int hits(Endpoint endpoint) {
        return requests(endpoint).size();
    }

    public Optional<RecordedRequest> lastRequest(Endpoint endpoint) {
        List<RecordedRequest> matching = requests(endpoint);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.getLast());
    }

    /** What the OpenAPI file found wrong in requests and responses so far, each prefixed with the call. */
    public List<String> specViolations() {
        return recorder.all().stream()
                .flatMap(r -> r.specViolations().stream().map(v -> r.method() + " " + r.path() + " → " + r.status()
                        + ": " + v))
                .toList();
    }

    public void clearRequests() {
        recorder.clear();
    }

    public List<ConsentView> consents() {
        return bank.consents().all().stream().map(ConsentView::of).toList();
    }

    public Optional<ConsentView> consent(String consentId) {
        return bank.consents().find(consentId).map(ConsentView::of);
    }

    /** The bank expires a consent now (the TPP gets CONSENT_EXPIRED on its next access). */
    public void expireConsent(String consentId) {
        bank.consents().expire(existing(consentId));
    }

    /** The PSU revokes a consent at the bank (CONSENT_INVALID on the next access). */
    public void revokeConsent(String consentId) {
        bank.consents().revokeByPsu(existing(consentId));
    }

    /** The account resource ids of a PSU, in the order of the account list. */
    public List<String> accountIds(String psuId) {
        return bank.accountsOf(psuId).stream().map(a -> a.resourceId()).toList();
    }

    private Consent existing(String consentId) {
        return bank.consents().find(consentId).orElseThrow(() ->
                new IllegalArgumentException("no consent " + consentId));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
