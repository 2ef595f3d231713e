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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    private JsonNode get(String path) {
        TestApi.Response response = api.get(path).bearer(user.token()).send();
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }
}
