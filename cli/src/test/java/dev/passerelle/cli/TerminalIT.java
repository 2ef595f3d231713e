package dev.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.passerelle.client.Passerelle;
import dev.passerelle.client.support.PasserelleServer;
import dev.passerelle.client.webhooks.WebhookVerifier;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and the runnable jar as a person uses them, in a pseudo-terminal: masked secrets,
 * numbered choices, one-time codes, the spinner while the bank's app validates, the account
 * checklist, the progress bar of an export, and webhooks forwarded to a local app.
 */
class TerminalIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("passerelle.cli.launcher", "target/passerelle"));

    private final PasserelleServer server = PasserelleServer.shared();

    @TempDir
    Path home;

    private Pty passerelle(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new Pty(command, Map.of("XDG_CONFIG_HOME", home.toString(), "JAVA_HOME", System.getProperty("java.home")));
    }

    private void loggedIn() {
        CliRun login = CliRun.run(home, "", "login", "--api", server.api(), "--client-id", "10000001",
                "--client-secret-file", server.dataDir().resolve("demo-client-secret").toString(),
                "--config-token-file", server.dataDir().resolve("config-token").toString());
        assertThat(login.status()).as("%s", login).isZero();
    }

    @Test
    void loginAsksTheSecretWithoutEchoingIt() throws Exception {
        String secret = server.demoClientSecret();
        try (Pty pty = passerelle("login", "--api", server.api())) {
            pty.expect("Client id [10000001]: ").type("");
            pty.expect("Client secret: ").type(secret);
            pty.expect("Logged in to " + server.api());

            assertThat(pty.exit()).isZero();
            assertThat(pty.screen()).doesNotContain(secret);
        }
        assertThat(Files.readString(home.resolve("passerelle/config.json"))).contains("user_token");
    }

    @Test
    void connectWalksTheChoicesTheMaskedPasswordTheCodesAndTheChecklist() throws Exception {
        loggedIn();
        try (Pty pty = passerelle("connect")) {
            pty.expect("Which source? [1-2, Enter for 1]: ").type("1");
            pty.expect("Identifiant: ").type("jdupont");
            pty.expect("Code (1234): ").type("1234");
            pty.expect("Cas d'usage (directaccess) [1-").type("doubleotp");
            pty.expect("Dites abcd").expect(": ").type("abcd");
            pty.expect("Dites efgh").expect(": ").type("efgh");
            pty.expect("✓ Connected to Connecteur de test");
            pty.expect("[x] 1. ").expect("Toggle with numbers").type("1 2");
            pty.expect("[ ] 1. ").expect("[ ] 2. ").expect("Toggle with numbers").type("");
            pty.expect(Pattern.compile("Shared 5 accounts; \\d+ transactions fetched"));

            assertThat(pty.exit()).isZero();
            String afterPassword = pty.screen().substring(pty.screen().indexOf("Code (1234): ") + "Code (1234): ".length());
            assertThat(afterPassword.substring(0, afterPassword.indexOf("Cas d'usage"))).doesNotContain("1234");
        }
    }

    @Test
    void spinnerCountsTheSecondsWhileTheBanksAppValidates() throws Exception {
        loggedIn();
        try (Pty pty = passerelle("connect", "--connector", "40", "--source", "directaccess", "-f", "login=jdupont",
                "-f", "password=1234", "-f", "directaccesswebsite=shortDecoupled", "--accounts", "all")) {
            pty.expect(Pattern.compile("[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] You need to confirm the connection on your bank website \\d+s"));
            pty.expect("✓ Connected to Connecteur de test");

            assertThat(pty.exit()).isZero();
        }
    }

    @Test
    void longExportShowsAProgressBar() throws Exception {
        loggedIn();
        CliRun.run(home, "", "connect", "--connector", "40", "--source", "directaccess", "-f", "login=jdupont",
                "-f", "password=1234", "-f", "directaccesswebsite=par");
        Path file = home.resolve("all.csv");
        try (Pty pty = passerelle("transactions", "--format", "csv", "--page-size", "100", "-o", file.toString())) {
            pty.expect(Pattern.compile("\\[█+·*] 100/\\d+ transactions"));
            pty.expect(" transactions written to " + file);

            assertThat(pty.exit()).isZero();
        }
        assertThat(Files.readAllLines(file).size()).isGreaterThan(100);
    }

    @Test
    void listenForwardsEachWebhookToTheLocalAppWithItsSignatures() throws Exception {
        loggedIn();
        BlockingQueue<Forwarded> received = new LinkedBlockingQueue<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/powens/webhooks", exchange -> {
            received.add(new Forwarded(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        app.start();
        String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/powens/webhooks";
        try (Pty pty = passerelle("webhooks", "listen", "--forward-to", url)) {
            pty.expect("Ready: forwarding the webhooks of client 10000001 to " + url);
            Matcher secret = Pattern.compile("signing secret is (\\S+)").matcher(pty.expect("(Ctrl-C to stop)").screen());
            assertThat(secret.find()).isTrue();

            CliRun trigger = CliRun.run(home, "", "webhooks", "trigger", "CONNECTION_SYNCED");
            Forwarded call = received.poll(30, TimeUnit.SECONDS);

            assertThat(trigger.status()).as("%s", trigger).isZero();
            assertThat(call).isNotNull();
            assertThat(WebhookVerifier.of(secret.group(1)).verify(call.path(), call.headers(), call.body()))
                    .isEqualTo(WebhookVerifier.Scheme.PASSERELLE_SIGNATURE);
            WebhookVerifier.of(secret.group(1)).verifyBiSignature(call.path(), call.headers().getFirst("BI-Signature-Date"),
                    call.headers().getFirst("BI-Signature"), call.body());
            pty.expect("--> CONNECTION_SYNCED").expect("<-- [204] POST " + url);
        } finally {
            app.stop(0);
        }
        Passerelle admin = Passerelle.builder(server.api()).token(server.configToken()).build();
        assertThat(admin.webhooks().list()).anySatisfy(w -> assertThat(w.listener()).isTrue());
    }

    private record Forwarded(String path, com.sun.net.httpserver.Headers headers, byte[] body) {
    }
}
