package dev.passerelle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.passerelle.connector.InstitutionHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteTest {

    @TempDir
    Path dir;

    @Test
    void exchangesRecordedOnceReplayWithoutTheInstitutionAndWithoutSecrets() throws Exception {
        Path tape = dir.resolve("accounts.json");
        AtomicInteger served = new AtomicInteger();
        HttpServer bank = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bank.createContext("/accounts", exchange -> {
            served.incrementAndGet();
            byte[] body = "{\"accounts\":[{\"id\":\"A\",\"owner\":\"alice@example.org\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        bank.start();
        URI accounts = URI.create("http://127.0.0.1:" + bank.getAddress().getPort() + "/accounts?user=alice@example.org");
        HttpRequest request = HttpRequest.newBuilder(accounts).header("Authorization", "Bearer tok-123")
                .POST(HttpRequest.BodyPublishers.ofString("since=2024-01-01")).build();
        try (Cassette recording = Cassette.at(tape).masking("alice@example.org")) {
            HttpResponse<String> live = recording.recording(InstitutionHttp.plain())
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(live.body()).contains("alice@example.org");
        } finally {
            bank.stop(0);
        }

        String file = Files.readString(tape);
        assertThat(file).doesNotContain("tok-123", "alice@example.org").contains("****");
        try (Cassette replay = Cassette.at(tape).masking("alice@example.org")) {
            HttpResponse<String> replayed = replay.replaying().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(replayed.body()).isEqualTo("{\"accounts\":[{\"id\":\"A\",\"owner\":\"****\"}]}");
            assertThat(served).hasValue(1);
        }
    }

    @Test
    void aRequestNothingWasRecordedForFailsNamingIt() throws IOException {
        Path tape = dir.resolve("empty.json");
        Files.writeString(tape, "{\"exchanges\":[]}");

        try (Cassette replay = Cassette.at(tape)) {
            assertThatThrownBy(() -> replay.replaying().send(HttpRequest.newBuilder(URI.create("https://bank.test/x"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("GET https://bank.test/x")
                    .hasMessageContaining("-Dpasserelle.cassettes=record");
        }
    }

    @Test
    void withoutAFileTheCassetteRecords() {
        Cassette cassette = Cassette.at(dir.resolve("missing.json"));

        cassette.http(InstitutionHttp.plain());

        assertThat(cassette.toString()).endsWith(", recording]");
    }
}
