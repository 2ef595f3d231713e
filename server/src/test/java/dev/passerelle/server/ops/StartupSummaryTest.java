package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The block that ends the start-up log tells a newcomer everything needed next, and each thing
 * it names works: the API, its reference page and OpenAPI document, the demo page, the files of the demo secret and of the config token,
 * and the first request, run as printed. It never holds a secret.
 */
@IntegrationTest
class StartupSummaryTest {

    @Autowired
    StartupSummary summary;
    @Autowired
    TestApi api;

    @Test
    void theBlockNamesTheApiTheDemoPageTheSecretFilesAndTheDocs() {
        List<String> lines = summary.lines();

        assertThat(lines).first().isEqualTo("Passerelle is ready.");
        assertThat(lines).contains("  API           " + api.base(), "  Demo page     " + api.base() + "/demo");
        assertThat(lines).anyMatch(line -> line.startsWith("  Docs          README.md and docs/"));
        assertThat(api.get("/demo").send().status()).isEqualTo(200);
    }

    @Test
    void theNamedApiReferencePageAndOpenApiDocumentAreServed() {
        String reference = line("  API reference ").substring("  API reference ".length());
        String page = reference.substring(0, reference.indexOf(' '));
        String document = reference.substring(reference.indexOf(": ") + 2, reference.length() - 1);

        assertThat(page).isEqualTo(api.base() + "/openapi");
        TestApi.Response redirect = api.link(page).send();
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(api.link(redirect.header("Location")).send().header("Content-Type")).startsWith("text/html");
        TestApi.Response served = api.link(document).send();
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json().get("openapi").asString()).isEqualTo("3.1.0");
    }

    @Test
    void theNamedConfigTokenFileHoldsATokenTheServerAccepts() throws IOException {
        String token = Files.readString(fileNamedOn("  Config token  in ")).strip();

        assertThat(api.get("/webhooks").bearer(token).send().status()).isEqualTo(200);
        assertThat(summary.lines()).noneMatch(line -> line.contains(token));
    }

    @Test
    void theFirstRequestWorksAsPrintedAndTheSecretStaysInItsFile() throws IOException {
        String curl = line("  First user    curl -s -X POST ");
        Path secretFile = Path.of(curl.substring(curl.indexOf("client_secret@") + "client_secret@".length()));
        String clientId = curl.substring(curl.indexOf("client_id=") + "client_id=".length(), curl.indexOf(" --data"));
        String secret = Files.readString(secretFile).strip();

        assertThat(curl).startsWith("  First user    curl -s -X POST " + api.base() + "/auth/init ");
        assertThat(fileNamedOn("  Demo client   id " + clientId + ", secret in ")).isEqualTo(secretFile);
        TestApi.Response created = api.post("/auth/init").form(Map.of("client_id", clientId, "client_secret", secret)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        assertThat(created.json().get("auth_token").asString()).isNotBlank();
        assertThat(summary.lines()).noneMatch(line -> line.contains(secret));
    }

    @Test
    void theConsoleLineNamesItsUrlAndTheFileOfTheFirstOperatorsPassword() throws IOException {
        String console = line("  Console       ");
        String prefix = "  Console       " + api.base() + "/console (operator admin, password in ";
        Path file = Path.of(console.substring(prefix.length(), console.length() - 1));

        assertThat(console).startsWith(prefix);
        assertThat(file).isRegularFile();
        assertThat(console).doesNotContain(Files.readString(file).strip());
    }

    private String line(String prefix) {
        return summary.lines().stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
    }

    private Path fileNamedOn(String prefix) {
        Path file = Path.of(line(prefix).substring(prefix.length()));
        assertThat(file).isRegularFile();
        return file;
    }
}
