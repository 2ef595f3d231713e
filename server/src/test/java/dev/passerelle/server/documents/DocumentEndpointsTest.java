package dev.passerelle.server.documents;

import static dev.passerelle.server.ingestion.FakeBank.document;
import static dev.passerelle.server.ingestion.FakeBank.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.ingestion.BankFixtures;
import dev.passerelle.server.ingestion.FakeBank;
import dev.passerelle.server.ingestion.FakeBankConfig;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(FakeBankConfig.class)
class DocumentEndpointsTest {


    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;
    @Autowired
    BankFixtures fixtures;

    TestUsers.TestUser user;
    OpenSource source;
    FakeBank.Script bank;
    long s1;
    long s2;

    @BeforeEach
    void connectionWithTwoDiscoveredSubscriptions() {
        user = users.permanent();
        source = fixtures.newSource(user.id());
        bank = fixtures.script(source);
        bank.subscriptions.addAll(List.of(subscription("S1"), subscription("S2")));
        bank.documents.put("S1", List.of(document("D1", LocalDate.of(2024, 1, 31)),
                document("D2", LocalDate.of(2024, 2, 29))));
        bank.documents.put("S2", List.of(document("D3", LocalDate.of(2024, 3, 31))));
        fixtures.sync(source);
        s1 = fixtures.subscriptionIds(source).get(0);
        s2 = fixtures.subscriptionIds(source).get(1);
    }

    @Test
    void discoveredSubscriptionsAreListedOnlyWithAllAndHaveNoDocuments() {
        assertThat(get("/users/me/subscriptions").get("subscriptions")).isEmpty();
        JsonNode all = get("/users/me/connections/" + source.connectionId() + "/subscriptions?all");

        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.get("subscriptions").get(0).get("label").asString()).isEqualTo("Contract S1");
        assertThat(all.get("subscriptions").get(0).get("disabled").isNull()).isFalse();
        assertThat(get("/users/me/documents").get("total").asInt()).isZero();
        assertThat(bank.documentFetches).isEmpty();
    }

    @Test
    void expandConnectionEmbedsEachSubscriptionsConnection() {
        JsonNode listed = get("/users/me/subscriptions?all&expand=connection[sources]");
        JsonNode one = get("/users/me/connections/" + source.connectionId() + "/subscriptions/" + s1 + "?all&expand=connection");

        assertThat(listed.get("subscriptions")).hasSize(2).allSatisfy(subscription -> {
            assertThat(subscription.get("connection").get("id").asLong()).isEqualTo(source.connectionId());
            assertThat(subscription.get("connection").get("sources")).hasSize(1);
        });
        assertThat(one.get("connection").get("id").asLong()).isEqualTo(source.connectionId());
        assertThat(get("/users/me/subscriptions/" + s1 + "?all").has("connection")).as("only when asked").isFalse();
    }

    @Test
    void bulkActivationFetchesTheDocumentsOfEverySubscription() {
        JsonNode edited = api.put("/users/me/connections/" + source.connectionId() + "/subscriptions/" + s1 + "," + s2 + "?all")
                .json(Map.of("disabled", false)).bearer(user.token()).send().json();

        assertThat(edited.get("subscriptions")).allSatisfy(s -> assertThat(s.get("disabled").isNull()).isTrue());
        JsonNode documents = get("/users/me/documents");
        assertThat(documents.get("total").asInt()).isEqualTo(3);
        assertThat(documents.get("documents")).extracting(d -> d.get("name").asString())
                .containsExactly("Bill D3", "Bill D2", "Bill D1");
    }

    @Test
    void deactivationDeletesTheSubscriptionsDocuments() {
        activate(s1);

        JsonNode subscription = api.post("/users/me/subscriptions/" + s1).form(Map.of("disabled", "true"))
                .bearer(user.token()).send().json();

        assertThat(subscription.get("disabled").isNull()).isFalse();
        assertThat(get("/users/me/documents").get("total").asInt()).isZero();
        assertThat(get("/users/me/subscriptions").get("subscriptions")).isEmpty();
    }

    @Test
    void documentsPageAndFilterBySubscription() {
        activate(s1);
        activate(s2);

        assertThat(get("/users/me/documents?id_subscription=" + s1).get("total").asInt()).isEqualTo(2);
        assertThat(get("/users/me/subscriptions/" + s2 + "/documents").get("documents"))
                .extracting(d -> d.get("name").asString()).containsExactly("Bill D3");
        JsonNode page = get("/users/me/documents?limit=1&offset=1");
        assertThat(page.get("documents")).extracting(d -> d.get("name").asString()).containsExactly("Bill D2");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(api.get("/users/me/documents?limit=1001").bearer(user.token()).send().status()).isEqualTo(400);
    }

    static Stream<Arguments> bounds() {
        return Stream.of(
                Arguments.of("/users/me/documents?min_date=2024-02-29", List.of("Bill D3", "Bill D2")),
                Arguments.of("/users/me/documents?max_date=2024-02", List.of("Bill D2", "Bill D1")),
                Arguments.of("/users/me/documents?min_date=2024-02&max_date=2024-02-29", List.of("Bill D2")),
                // 23:30 UTC is already the next day in Paris, the API's zone.
                Arguments.of("/users/me/documents?max_date=2024-02-28T23:30:00Z", List.of("Bill D2", "Bill D1")),
                Arguments.of("/users/me/documents?min_date=2026-12-01", List.of()),
                Arguments.of("/users/me/documents?id_subscription=S1&max_date=2024-01", List.of("Bill D1")),
                Arguments.of("/users/me/subscriptions/S1/documents?min_date=2024-02-01", List.of("Bill D2")),
                Arguments.of("/users/me/subscriptions/S2/documents?max_date=2024-03-30", List.of()),
                // every bill of the fake bank totals 42.10
                Arguments.of("/users/me/documents?min_amount=42.10&max_amount=42.1", List.of("Bill D3", "Bill D2", "Bill D1")),
                Arguments.of("/users/me/documents?max_amount=42,09", List.of()),
                Arguments.of("/users/me/documents?min_amount=42.11", List.of()),
                Arguments.of("/users/me/documents?min_date=2024-02-29&max_amount=100", List.of("Bill D3", "Bill D2")));
    }

    /**
     * min_date and max_date bound the document's date, both days included (docs/protocol.md §0
     * "Temporal filtering"); min_amount and max_amount its total_amount, both included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void boundsKeepTheDocumentsDatedAndTotalledWithinThem(String path, List<String> expected) {
        activate(s1);
        activate(s2);

        JsonNode page = get(path.replace("S1", String.valueOf(s1)).replace("S2", String.valueOf(s2)));

        assertThat(page.get("documents")).extracting(d -> d.get("name").asString()).containsExactlyElementsOf(expected);
        assertThat(page.get("total").asInt()).isEqualTo(expected.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/me/documents?min_date=abc", "/users/me/documents?min_date=2026-02-30",
            "/users/me/documents?max_date=2026-13-01", "/users/me/subscriptions/S1/documents?max_date=2026-02-30",
            "/users/me/documents?min_amount=NaN", "/users/me/documents?max_amount=1e999999999"})
    void badDateOrAmountIsAnInvalidValue(String path) {
        activate(s1);

        TestApi.Response response = api.get(path.replace("S1", String.valueOf(s1))).bearer(user.token()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(response.json().get("request_id").asString()).isNotBlank();
    }

    @Test
    void documentPagesLinkToTheNextAndThePreviousPage() {
        activate(s1);
        activate(s2);

        JsonNode first = get("/users/me/documents?limit=2&min_date=2024");
        JsonNode last = follow(first.get("_links").get("next").get("href").asString());

        assertThat(first.get("_links").get("self").get("href").asString()).isEqualTo("/2.0/users/me/documents?limit=2&min_date=2024");
        assertThat(first.get("_links").get("prev").isNull()).isTrue();
        assertThat(last.get("documents")).extracting(d -> d.get("name").asString()).containsExactly("Bill D1");
        assertThat(last.get("_links").get("self").get("href").asString())
                .isEqualTo("/2.0/users/me/documents?limit=2&min_date=2024&offset=2");
        assertThat(last.get("_links").get("next").isNull()).isTrue();
        assertThat(last.get("_links").get("prev").get("href").asString())
                .isEqualTo("/2.0/users/me/documents?limit=2&min_date=2024&offset=0");
        assertThat(get("/users/me/subscriptions/" + s2 + "/documents").get("_links").get("self").get("href").asString())
                .isEqualTo("/2.0/users/me/subscriptions/" + s2 + "/documents");
    }

    @Test
    void documentFileIsTheConnectorsBytesWithItsContentType() {
        activate(s1);
        JsonNode document = get("/users/me/documents?id_subscription=" + s1).get("documents").get(1);

        TestApi.Response file = api.get(document.get("url").asString()).bearer(user.token()).send();

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.bytes()).isEqualTo(FakeBank.fileOf("D1"));
        assertThat(document.get("total_amount").decimalValue()).isEqualByComparingTo("42.1");
        assertThat(document.get("date").asString()).isEqualTo("2024-01-31");
        assertThat(document.get("id_subscription").asLong()).isEqualTo(s1);
    }

    @Test
    void anotherUsersDocumentsAndSubscriptionsAreNotFound() {
        activate(s1);
        String url = get("/users/me/documents").get("documents").get(0).get("url").asString();
        long documentId = get("/users/me/documents").get("documents").get(0).get("id").asLong();
        TestUsers.TestUser other = users.permanent();

        assertThat(api.get("/users/me/documents/" + documentId + "/file").bearer(other.token()).send().status()).isEqualTo(404);
        assertThat(api.get(url).bearer(other.token()).send().status()).isEqualTo(403);
        assertThat(api.get("/users/me/subscriptions/" + s1).bearer(other.token()).send().status()).isEqualTo(404);
        assertThat(api.get("/users/me/subscriptions/" + s1 + "/documents").bearer(other.token()).send().status()).isEqualTo(404);
        assertThat(api.put("/users/me/subscriptions/" + s2 + "?all").json(Map.of("disabled", false)).bearer(other.token())
                .send().status()).isEqualTo(404);
        assertThat(bank.documentFetches).containsExactly("S1");
    }

    private void activate(long subscription) {
        TestApi.Response response = api.post("/users/me/subscriptions/" + subscription + "?all")
                .json(Map.of("disabled", false)).bearer(user.token()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private JsonNode follow(String href) {
        TestApi.Response response = api.link(href).bearer(user.token()).send();
        assertThat(response.status()).as(href + " → " + response).isEqualTo(200);
        return response.json();
    }

    private JsonNode get(String path) {
        TestApi.Response response = api.get(path).bearer(user.token()).send();
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }
}
