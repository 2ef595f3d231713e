package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import dev.passerelle.server.support.TestApi;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /users/{u}/connections/{c}/logs} (docs/protocol.md §3): the timeline a page at a time
 * with the count of every matching entry, filtered on the entries' timestamps by {@code min_date}
 * and {@code max_date}, and on their source by {@code id_source}.
 */
class ConnectionLogsTest extends TestBankUserTest {

    /** Four entries in 2024, long before the connection's own; the first is already 1 February in Paris. */
    private static final List<String> ENTRIES = List.of("2024-01-31T23:30:00Z", "2024-02-15T12:00:00Z",
            "2024-02-29T22:59:00Z", "2024-03-01T08:00:00Z");

    @Autowired
    ConnectionTimeline timeline;

    long connection;

    @BeforeEach
    void connectionWithEntriesIn2024() {
        connection = bank.added("par");
        for (String at : ENTRIES) {
            timeline.record(connection, "directaccess", Actor.SCHEDULER, null, null, at, Instant.parse(at));
        }
    }

    @Test
    void totalCountsEveryMatchingEntryNotThePage() {
        int all = logs("").get("connectionlogs").size();

        JsonNode page = logs("?limit=2");
        JsonNode pastTheEnd = logs("?offset=" + all);
        JsonNode windowPage = logs("?min_date=2024-02&max_date=2024-02&limit=1");

        assertThat(all).isGreaterThan(ENTRIES.size());
        assertThat(page.get("connectionlogs")).hasSize(2);
        assertThat(page.get("total").asInt()).isEqualTo(all);
        assertThat(pastTheEnd.get("connectionlogs")).isEmpty();
        assertThat(pastTheEnd.get("total").asInt()).isEqualTo(all);
        assertThat(windowPage.get("connectionlogs")).hasSize(1);
        assertThat(windowPage.get("total").asInt()).isEqualTo(3);
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("min_date=2024-02&max_date=2024-02",
                        List.of("2024-02-29T22:59:00Z", "2024-02-15T12:00:00Z", "2024-01-31T23:30:00Z")),
                Arguments.of("min_date=2024&max_date=2024-01-31", List.of()),
                Arguments.of("min_date=2024-02-29&max_date=2024",
                        List.of("2024-03-01T08:00:00Z", "2024-02-29T22:59:00Z")),
                Arguments.of("min_date=2024-02-15T12:00:00Z&max_date=2024-02-29%2023:59:00",
                        List.of("2024-02-29T22:59:00Z", "2024-02-15T12:00:00Z")),
                Arguments.of("min_date=2024-02-15T12:00:01Z&max_date=2024-02-29%2023:58:59",
                        List.of()));
    }

    /** Days and months are read in the API's zone, both bounds included (docs/protocol.md §0 "Temporal filtering"). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void dateBoundsKeepTheEntriesWithinThem(String query, List<String> expected) {
        JsonNode page = logs("?" + query);

        assertThat(page.get("connectionlogs")).extracting(e -> e.get("cause").asString()).containsExactlyElementsOf(expected);
        assertThat(page.get("total").asInt()).isEqualTo(expected.size());
    }

    @Test
    void idSourceKeepsThatSourcesEntriesAndNamesNoOtherConnectionsSource() {
        timeline.record(connection, null, Actor.USER, null, null, "not of a source", Instant.parse("2024-02-20T10:00:00Z"));
        long source = api.get("/users/me/connections/" + connection + "/sources").bearer(bank.token()).send().json()
                .get("sources").get(0).get("id").asLong();
        long another = api.get("/users/me/connections/" + bank.added("par") + "/sources").bearer(bank.token()).send()
                .json().get("sources").get(0).get("id").asLong();

        JsonNode page = logs("?min_date=2024&max_date=2024&id_source=" + source);

        assertThat(logs("?min_date=2024&max_date=2024").get("total").asInt()).isEqualTo(ENTRIES.size() + 1);
        assertThat(page.get("connectionlogs")).extracting(e -> e.get("cause").asString())
                .containsExactlyElementsOf(ENTRIES.reversed());
        assertThat(page.get("total").asInt()).isEqualTo(ENTRIES.size());
        assertThat(api.get("/users/me/connections/" + connection + "/logs?id_source=" + another).bearer(bank.token())
                .send().status()).isEqualTo(404);
        assertThat(api.get("/users/me/connections/" + connection + "/logs?id_source=abc").bearer(bank.token())
                .send().status()).isEqualTo(400);
    }

    /** Spring's binding would keep the first of several values: an integer parameter is given once. */
    @Test
    void anIntegerParameterGivenTwiceIsAnInvalidValueSayingSo() {
        TestApi.Response twice = api.get("/users/me/connections/" + connection + "/logs?id_source=1&id_source=2")
                .bearer(bank.token()).send();
        TestApi.Response limits = api.get("/users/me/connections/" + connection + "/logs?limit=1&limit=1")
                .bearer(bank.token()).send();

        assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
        assertThat(twice.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(twice.json().get("description").asString()).isEqualTo("'id_source' is given 2 times: send it once");
        assertThat(limits.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"min_date=abc", "max_date=2026-02-30", "min_date=2026-13-01"})
    void badDateIsAnInvalidValue(String query) {
        TestApi.Response response = api.get("/users/me/connections/" + connection + "/logs?" + query).bearer(bank.token()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalidValue");
        assertThat(response.json().get("request_id").asString()).isNotBlank();
    }

    private JsonNode logs(String query) {
        TestApi.Response response = api.get("/users/me/connections/" + connection + "/logs" + query).bearer(bank.token()).send();
        assertThat(response.status()).as(query + " → " + response).isEqualTo(200);
        return response.json();
    }
}
