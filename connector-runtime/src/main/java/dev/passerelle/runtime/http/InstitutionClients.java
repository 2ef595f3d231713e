package dev.passerelle.runtime.http;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.MutualTls;
import dev.passerelle.connector.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Makes the {@link InstitutionHttp} of one connector from its settings: a JDK client that presents
 * the client certificate named by the {@link MutualTls} settings (mutual TLS) and trusts the
 * configured authorities on top of the JDK's, and that keeps under the institution's
 * {@link dev.passerelle.connector.RateLimit}. A key store that cannot be read is a configuration
 * error, reported when the connector starts.
 */
public final class InstitutionClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private InstitutionClients() {
    }

    /** The client of {@code connector} configured with {@code settings}. */
    public static InstitutionHttp of(ConnectorDescriptor connector, Settings settings) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        tls(settings).ifPresent(client::sslContext);
        InstitutionHttp http = InstitutionHttp.of(client.build());
        return connector.rateLimit().map(limit -> InstitutionHttp.throttled(http, limit)).orElse(http);
    }

    /**
     * What keeps the TLS settings from being used (a store that cannot be read, an alias that names
     * no key), by the setting at fault; empty when they can be, or name no store. The server asks
     * before it stores an operator's change, so that a change the connector would not start with is
     * refused instead.
     */
    public static Map<String, String> problems(Settings settings) {
        try {
            tls(settings);
            return Map.of();
        } catch (UnusableSetting e) {
            return Map.of(e.setting, e.getMessage());
        }
    }

    /** The TLS context the settings ask for; empty when they name neither a key store nor a trust store. */
    static Optional<SSLContext> tls(Settings settings) {
        Optional<Path> keyStore = settings.file(MutualTls.KEY_STORE);
        Optional<Path> trustStore = settings.file(MutualTls.TRUST_STORE);
        if (keyStore.isEmpty() && trustStore.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyManager[] keys = null;
            if (keyStore.isPresent()) {
                char[] password = settings.secret(MutualTls.KEY_STORE_PASSWORD).orElse("").toCharArray();
                KeyStore store = read(keyStore.get(), password, MutualTls.KEY_STORE);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, password);
                keys = factory.getKeyManagers();
                Optional<String> alias = settings.text(MutualTls.KEY_ALIAS);
                if (alias.isPresent()) {
                    if (!store.isKeyEntry(alias.get())) {
                        throw new UnusableSetting(MutualTls.KEY_ALIAS, "setting '" + MutualTls.KEY_ALIAS + "' names '" + alias.get()
                                + "', which is no key entry of the key store (it holds "
                                + Collections.list(store.aliases()) + ")", null);
                    }
                    keys = new KeyManager[] {new ChosenKey((X509ExtendedKeyManager) keys[0], alias.get())};
                }
            }
            TrustManager[] trust = trustStore.isPresent()
                    ? new TrustManager[] {withJdkTrust(read(trustStore.get(),
                            settings.secret(MutualTls.TRUST_STORE_PASSWORD).orElse("").toCharArray(), MutualTls.TRUST_STORE))}
                    : null;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new UnusableSetting(keyStore.isPresent() ? MutualTls.KEY_STORE : MutualTls.TRUST_STORE,
                    "the TLS settings cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore read(Path file, char[] password, String setting) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UnusableSetting(setting, "setting '" + setting + "' names " + file + ", which cannot be read as "
                    + "a PKCS#12 store with the configured password: " + e.getMessage(), e);
        }
    }

    /** A TLS setting that cannot be used: which one, and why. */
    private static final class UnusableSetting extends IllegalArgumentException {
        private final String setting;

        UnusableSetting(String setting, String message, Throwable cause) {
            super(message, cause);
            this.setting = setting;
        }
    }

    /** The JDK's trusted authorities plus those of {@code extra}. */
    private static X509TrustManager withJdkTrust(KeyStore extra) throws GeneralSecurityException {
        X509TrustManager jdk = trustManager(null);
        X509TrustManager own = trustManager(extra);
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                jdk.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    own.checkServerTrusted(chain, authType);
                } catch (CertificateException notOurs) {
                    jdk.checkServerTrusted(chain, authType);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(own.getAcceptedIssuers()));
                all.addAll(List.of(jdk.getAcceptedIssuers()));
                return all.toArray(X509Certificate[]::new);
            }
        };
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Presents one named entry of the key store, whatever the server asks. */
    private static final class ChosenKey extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;
        private final String alias;

        ChosenKey(X509ExtendedKeyManager keys, String alias) {
            this.keys = keys;
            this.alias = alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String name) {
            return keys.getCertificateChain(name);
        }

        @Override
        public PrivateKey getPrivateKey(String name) {
            return keys.getPrivateKey(name);
        }
    }
}
