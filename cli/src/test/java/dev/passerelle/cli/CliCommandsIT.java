package dev.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.client.Passerelle;
import dev.passerelle.client.Wire;
import dev.passerelle.client.model.Webhook;
import dev.passerelle.client.support.PasserelleServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every command through the entry point, as a script runs them (no terminal), against the real server
 * (after package, in the JVM of {@link TerminalIT}, sharing its server).
 */
class CliCommandsIT {

    private final PasserelleServer server = PasserelleServer.shared();

    @TempDir
    Path home;
    private Path secretFile;

    @BeforeEach
    void files() {
        secretFile = server.dataDir().resolve("demo-client-secret");
    }

    private CliRun cli(String input, String... args) {
        return CliRun.run(home, input, args);
    }

    private CliRun login() {
        CliRun login = cli("", "login", "--api", server.api(), "--client-id", "10000001", "--client-secret-file",
                secretFile.toString(), "--config-token-file", server.dataDir().resolve("config-token").toString());
        assertThat(login.status()).as("%s", login).isZero();
        return login;
    }

    private CliRun connect(String scenario, String input) {
        return cli(input, "connect", "--connector", "Connecteur de test", "--source", "directaccess",
                "-f", "login=jdupont", "-f", "password=1234", "-f", "directaccesswebsite=" + scenario);
    }

    @Test
    void loginSavesTheUserInAnOwnerOnlyFileAndPrintsNoSecret() throws Exception {
        CliRun login = login();

        Path config = home.resolve("passerelle/config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent()))).isEqualTo("rwx------");
        JsonNode saved = Wire.json().readTree(config.toFile());
        assertThat(saved.get("user_token").asString()).isNotBlank();
        assertThat(login.err()).contains("Logged in to " + server.api() + " as user " + saved.get("user_id").asLong())
                .doesNotContain(saved.get("user_token").asString()).doesNotContain(server.demoClientSecret());
    }

    @Test
    void secretIsReadFromStandardInputWhenNoFileIsGiven() throws Exception {
        CliRun login = cli(server.demoClientSecret() + "\n", "login", "--api", server.api(), "--client-id", "10000001");

        assertThat(login.status()).as("%s", login).isZero();
        assertThat(Files.readString(home.resolve("passerelle/config.json"))).contains("user_token");
    }

    @Test
    void loggingInAgainKeepsTheUserUnlessANewOneIsAsked() throws Exception {
        login();
        long first = Wire.json().readTree(home.resolve("passerelle/config.json").toFile()).get("user_id").asLong();

        login();
        long again = Wire.json().readTree(home.resolve("passerelle/config.json").toFile()).get("user_id").asLong();
        cli("", "login", "--new-user", "--client-id", "10000001", "--client-secret-file", secretFile.toString());
        long fresh = Wire.json().readTree(home.resolve("passerelle/config.json").toFile()).get("user_id").asLong();

        assertThat(again).isEqualTo(first);
        assertThat(fresh).isNotEqualTo(first);
    }

    @Test
    void loginWithAUserTokenActsAsThatUser() {
        Passerelle api = Passerelle.builder(server.api()).build();
        var token = api.auth().init(PasserelleServer.DEMO_CLIENT, server.demoClientSecret());

        CliRun login = cli("", "login", "--api", server.api(), "--token", token.authToken());

        assertThat(login.status()).isZero();
        assertThat(login.err()).contains("as user " + token.idUser());
    }

    @Test
    void wrongSecretIsRefusedWithTheApisCode() {
        CliRun login = cli("nope\n", "login", "--api", server.api(), "--client-id", "10000001");

        assertThat(login.status()).isEqualTo(1);
        assertThat(login.err()).contains("Error: unauthorized").contains("(request ");
        assertThat(home.resolve("passerelle/config.json")).doesNotExist();
    }

    @Test
    void commandsNeedALoginAndSaySo() {
        CliRun accounts = cli("", "accounts");

        assertThat(accounts.status()).isEqualTo(1);
        assertThat(accounts.err()).contains("passerelle login");
    }

    @Test
    void connectorsNeedNoLogin() {
        CliRun table = cli("", "connectors", "--api", server.api());
        CliRun json = cli("", "connectors", "--api", server.api(), "--json");

        assertThat(table.out()).contains("Connecteur de test").contains("directaccess (credentials)").contains("openapi");
        assertThat(Wire.json().readTree(json.out()).get(0).get("uuid").asString()).isEqualTo(PasserelleServer.TEST_CONNECTOR.toString());
    }

    @Test
    void connectSharesEveryAccountWhenNoTerminalAsks() {
        login();

        CliRun connect = connect("par", "");
        CliRun accounts = cli("", "accounts");

        assertThat(connect.status()).as("%s", connect).isZero();
        assertThat(connect.err()).contains("✓ Connected to Connecteur de test").containsPattern("Shared 7 accounts; \\d+ transactions");
        assertThat(accounts.out()).contains("Compte chèque").doesNotContain(" no\n");
    }

    @Test
    void connectAsksTheOneTimeCodeOnStandardInput() {
        login();

        CliRun connect = connect("doubleotp", "abcd\nefgh\n");

        assertThat(connect.status()).as("%s", connect).isZero();
        assertThat(connect.err()).contains("Dites abcd").contains("Dites efgh").contains("✓ Connected");
    }

    @Test
    void connectWithoutFieldsAsksTheRequiredOnes() {
        login();

        CliRun connect = cli("jdupont\n1234\n", "connect", "--connector", "40", "--source", "directaccess",
                "--accounts", "none");

        assertThat(connect.status()).as("%s", connect).isZero();
        assertThat(connect.err()).contains("Identifiant: ").contains("Code (1234): ").contains("No account shared")
                .as("optional fields keep their default in a script").doesNotContain("Cas d'usage");
    }

    @Test
    void refusedCredentialsExitWithTheBanksWords() {
        login();

        CliRun connect = connect("wrongpass", "");

        assertThat(connect.status()).isEqualTo(1);
        assertThat(connect.err()).contains("refused: wrongpass (Incorrect password)");
    }

    @Test
    void connectionLeftWaitingExitsThreeAndSaysHowToGoOn() {
        login();

        CliRun connect = connect("additionalInformationNeeded", "");

        assertThat(connect.status()).isEqualTo(3);
        assertThat(connect.err()).contains("waits: additionalInformationNeeded").contains("passerelle sync");
    }

    @Test
    void transactionsExportAsCsvJsonOrTableBetweenTwoDates() throws Exception {
        login();
        connect("par", "");

        CliRun csv = cli("", "transactions", "--since", "2000-01-01", "--format", "csv", "--page-size", "100");
        CliRun json = cli("", "transactions", "--format", "json");
        CliRun table = cli("", "transactions", "--since", "2000-01-01", "--until", "2000-12-31");
        Path file = home.resolve("export.csv");
        CliRun written = cli("", "transactions", "--format", "csv", "-o", file.toString());

        List<String> lines = csv.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("id,id_account,date,application_date,value,type,wording,original_wording,coming,deleted");
        assertThat(Wire.json().readTree(json.out()).size()).isEqualTo(lines.size() - 1).isGreaterThan(100);
        assertThat(table.out().lines()).containsExactly("DATE  ACCOUNT  AMOUNT  WORDING");
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
        assertThat(written.err()).contains((lines.size() - 1) + " transactions written to");
    }

    @Test
    void transactionsFoundBySearchAndBoundedByAmount() throws Exception {
        login();
        connect("par", "");
        JsonNode all = Wire.json().readTree(cli("", "transactions", "--format", "json").out());
        JsonNode one = all.get(0);
        String word = one.get("wording").asString().split(" ")[0];

        JsonNode found = Wire.json().readTree(cli("", "transactions", "--format", "json", "--search", word.toLowerCase()).out());
        JsonNode debits = Wire.json().readTree(cli("", "transactions", "--format", "json", "--max-value", "-100").out());
        JsonNode between = Wire.json().readTree(cli("", "transactions", "--format", "json", "--min-value", "-20",
                "--max-value", "-10").out());

        assertThat(found.size()).isPositive().isLessThan(all.size());
        assertThat(found.values()).allSatisfy(t -> assertThat(t.toString()).containsIgnoringCase(word));
        assertThat(debits.size()).isPositive();
        assertThat(debits.values()).allSatisfy(t -> assertThat(t.get("value").decimalValue()).isLessThanOrEqualTo(new BigDecimal("-100")));
        assertThat(between.values()).allSatisfy(t -> assertThat(t.get("value").decimalValue()).isBetween(
                new BigDecimal("-20"), new BigDecimal("-10")));
    }

    @Test
    void syncSyncsEveryConnection() {
        login();
        connect("par", "");
        connect("pro", "");

        CliRun sync = cli("", "sync");

        assertThat(sync.status()).as("%s", sync).isZero();
        assertThat(sync.err().lines().filter(line -> line.startsWith("✓ Connection"))).hasSize(2);
    }

    @Test
    void triggerSendsATestEventToTheNamedEndpointOrSaysNoneListens() {
        login();
        Passerelle admin = Passerelle.builder(server.api()).token(server.configToken()).build();
        Webhook endpoint = admin.webhooks().register(PasserelleServer.DEMO_CLIENT, "https://hooks.example.test/cli",
                List.of("USER_DELETED"), "hmac");

        CliRun named = cli("", "webhooks", "trigger", "account_synced", "--webhook", Long.toString(endpoint.id()));
        CliRun subscribed = cli("", "webhooks", "trigger", "USER_DELETED");
        CliRun none = cli("", "webhooks", "trigger", "SUBSCRIPTION_SYNCED");

        assertThat(named.err()).contains("Sent a test ACCOUNT_SYNCED to endpoint " + endpoint.id());
        assertThat(subscribed.err()).contains("to endpoint " + endpoint.id());
        assertThat(none.status()).isEqualTo(1);
        assertThat(admin.webhooks().deliveries(endpoint.id(), 10)).hasSize(2);
        admin.webhooks().delete(endpoint.id());
    }

    @Test
    void completionScriptCoversTheCommands() {
        CliRun completion = cli("", "generate-completion");

        assertThat(completion.status()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("connect").contains("transactions").contains("--forward-to");
    }
}
