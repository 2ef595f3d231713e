package dev.passerelle.server.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.sync.DecoupledPollSteps;
import dev.passerelle.xs2a.simulator.ConsentView;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The ends of a Berlin Group SCA through the public API (docs/berlin-group.md "Strong customer
 * authentication", "What each state means to the user"): an approval in the banking app that the
 * server's background poll picks up, one that never comes, one-time codes wrong until the bank ends
 * the authorisation, and the OAuth2 approach (authorization code with PKCE) accepted and refused on
 * the bank's authorization server.
 */
@BerlinGroupApiTest
@Import(DecoupledPollSteps.class)
class BerlinGroupScaApproachesTest {

    @AutoClose
    private static final Xs2aBank BANK = Xs2aBank.builder()
            .psu(PsuScenario.builder("approving").approach(ScaApproach.DECOUPLED)
                    .decoupled(PsuScenario.DecoupledOutcome.APPROVED, Duration.ZERO).build())
            .entry("sca-approaches", "redirect,oauth,decoupled,embedded")
            .entry("oauth-client-id", "PSDDE-BAFIN-000001")
            .start();

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        BANK.configure(registry);
    }

    @Autowired
    TestApi api;
    @Autowired
    PsuWalks walks;
    @Autowired
    MutableClock clock;
    @Autowired
    DecoupledPollSteps polls;

    PsuWalk walk;

    @BeforeEach
    void newUserOfANewClient() {
        BANK.simulator.clearRequests();
        walk = walks.newUserAt(BANK);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anApprovalInTheBankingAppThatNeverComesAsksForANewAuthenticationAndWithdrawsTheConsent() {
        Map<String, String> back = walk.open(walk.link(Map.of("openapilogin", "decoupled-timeout")));
        long id = Long.parseLong(back.get("id_connection"));
        assertThat(walk.connection(id).get("state").asString()).isEqualTo("decoupled");
        ConsentView consent = BANK.simulator.consents().stream()
                .filter(c -> c.psuId().filter("decoupled-timeout"::equals).isPresent()).findFirst().orElseThrow();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        walk.answer(id, Map.of("resume", "true"));

        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").asString()).as("%s", connection).isEqualTo("SCARequired");
        assertThat(connection.get("error_message").asString()).contains("not confirmed in your banking app in time");
        assertThat(BANK.simulator.consent(consent.consentId()).orElseThrow().status()).isEqualTo(ConsentStatus.TERMINATED_BY_TPP);
        assertThat(walk.accounts(id)).isEmpty();
    }

    @Test
    void anApprovalInTheBankingAppCompletesTheConnectionWithoutTheClientAskingAgain() {
        Map<String, String> back = walk.open(walk.link(Map.of("openapilogin", "approving")));
        long id = Long.parseLong(back.get("id_connection"));
        assertThat(walk.connection(id).get("state").asString()).isEqualTo("decoupled");

        Optional<Instant> next = polls.poll(id, "openapi");

        assertThat(next).as("no further poll once approved").isEmpty();
        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").isNull()).as("%s", connection).isTrue();
        assertThat(walk.accounts(id)).hasSize(4);
        assertThat(BANK.simulator.lastRequest(Endpoint.SCA_STATUS).orElseThrow().header("psu-ip-address"))
                .as("asked by the server, the user absent").isEmpty();
    }

    @Test
    void theLastWrongOneTimeCodeIsWrongpassAndTheUserStartsOverWithTheirCredentials() {
        TestApi.Response created = api.post("/users/me/connections").bearer(walk.token())
                .json(Map.of("connector_uuid", Xs2aBank.UUID, "login", "embedded", "password", "secret")).send();
        assertThat(created.status()).as("%s", created).isEqualTo(202);
        long id = created.json().get("id").asLong();
        assertThat(walk.answer(id, Map.of("tan", "000001")).json().get("error_message").asString())
                .contains("2 attempts left");
        walk.answer(id, Map.of("tan", "000002"));

        TestApi.Response last = walk.answer(id, Map.of("tan", "000003"));

        assertThat(last.json().get("code").asString()).as("%s", last).isEqualTo("wrongpass");
        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").asString()).as("%s", connection).isEqualTo("wrongpass");
        assertThat(connection.get("fields").findValuesAsString("name")).contains("login", "password");

        TestApi.Response again = walk.answer(id, Map.of("login", "embedded", "password", "secret"));
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        assertThat(again.json().get("fields").get(0).get("name").asString()).isEqualTo("tan");
        TestApi.Response done = walk.answer(id, Map.of("tan", "123456"));

        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.json().get("state").isNull()).as("%s", done).isTrue();
        assertThat(walk.accounts(id)).hasSize(4);
    }

    @Test
    void aUserWhoAuthorisesOnTheBanksOAuthServerIsConnectedAndDataCallsCarryTheToken() {
        URI link = walk.link(Map.of("openapilogin", "oauth"));

        Map<String, String> back = walk.walk(link, "oauth", "accept");

        assertThat(back).as("%s", back).containsKey("id_connection");
        long id = Long.parseLong(back.get("id_connection"));
        RecordedRequest authorize = BANK.simulator.lastRequest(Endpoint.OAUTH_AUTHORIZE_PAGE).orElseThrow();
        assertThat(authorize.rawQuery()).contains("response_type=code", "code_challenge_method=S256",
                "scope=AIS%3A");
        assertThat(BANK.simulator.lastRequest(Endpoint.OAUTH_TOKEN).orElseThrow().body())
                .contains("grant_type=authorization_code", "code_verifier=");
        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").isNull()).as("%s", connection).isTrue();
        assertThat(walk.accounts(id)).hasSize(4);
        assertThat(BANK.simulator.lastRequest(Endpoint.ACCOUNTS).orElseThrow().header("authorization"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer "));
    }

    @Test
    void aRefusalOnTheBanksOAuthServerSendsTheUserBackWithAccessDenied() {
        Set<String> before = BANK.simulator.consents().stream().map(ConsentView::consentId).collect(Collectors.toSet());
        URI link = walk.link(Map.of("openapilogin", "oauth"));

        Map<String, String> back = walk.walk(link, "oauth", "deny");

        assertThat(back).containsEntry("error", "access_denied").doesNotContainKey("code");
        assertThat(BANK.simulator.requests(Endpoint.OAUTH_TOKEN)).isEmpty();
        assertThat(BANK.simulator.consents()).filteredOn(consent -> !before.contains(consent.consentId()))
                .singleElement().satisfies(consent -> assertThat(consent.status()).isEqualTo(ConsentStatus.REJECTED));
    }
}
