package dev.passerelle.server.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.MutableClock;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers.TestUser;
import dev.passerelle.server.support.WireTime;
import dev.passerelle.server.sync.BackgroundSyncSteps;
import dev.passerelle.server.users.UserAccounts;
import dev.passerelle.xs2a.simulator.ConsentView;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A Berlin Group bank of the directory through the public API: published in {@code /connectors},
 * added by redirect ({@code /webauth-url}, the bank's pages, the callback), by the embedded approach
 * ({@code POST /connections}, a method, a one-time code) and by decoupled approval, its accounts and
 * transactions read (over several pages, without the bank's ids), its consent ended at a background
 * sync, its refusals and limits, its consent withdrawn when the connection or the user goes. The bank
 * is the project's XS2A simulator over HTTPS with mutual TLS, refusing unsigned requests.
 */
@BerlinGroupApiTest
@Import(BackgroundSyncSteps.class)
class BerlinGroupBankTest {

    @AutoClose
    private static final Xs2aBank BANK = Xs2aBank.builder()
            .psu(PsuScenario.builder("quick").approach(ScaApproach.DECOUPLED)
                    .decoupled(PsuScenario.DecoupledOutcome.APPROVED, Duration.ZERO).build())
            .psu(PsuScenario.builder("quick-refusal").approach(ScaApproach.DECOUPLED)
                    .decoupled(PsuScenario.DecoupledOutcome.REJECTED, Duration.ZERO).build())
            .start();

    private static final ObjectMapper JSON = new ObjectMapper();

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
    BackgroundSyncSteps background;
    @Autowired
    UserAccounts users;

    TestUser user;
    PsuWalk walk;

    @BeforeEach
    void newUserOfANewClient() {
        BANK.simulator.clearRequests();
        walk = walks.newUserAt(BANK);
        user = walk.user();
    }

    @AfterEach
    void realTime() {
        clock.reset();
        BANK.simulator.clock().set(Instant.now());
    }

    @Test
    void theBankIsAConnectorWithASourcePerWayOfReachingIt() {
        JsonNode connector = StreamSupport.stream(api.get("/connectors?expand=sources,fields").send().json()
                        .get("connectors").spliterator(), false)
                .filter(c -> c.get("uuid").asString().equals(Xs2aBank.UUID)).findFirst().orElseThrow();

        assertThat(connector.get("name").asString()).isEqualTo(Xs2aBank.NAME);
        assertThat(connector.get("code").asString()).isEqualTo(Xs2aBank.BIC);
        assertThat(connector.get("auth_mechanism").asString()).isEqualTo("webauth");
        assertThat(connector.get("sources").findValuesAsString("name")).containsExactly("openapi", "embedded");
        assertThat(connector.get("fields").findValuesAsString("name"))
                .containsExactlyInAnyOrder("openapilogin", "login", "password");
    }

    @Test
    void aConnectionAddedByRedirectShowsTheAccountsAndTheTransactionsOfAnActivatedOne() {
        long id = walk.connected("redirect");

        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").isNull()).as("%s", connection).isTrue();
        RecordedRequest consent = BANK.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow();
        assertThat(consent.header("psu-ip-address")).contains("127.0.0.1");
        assertThat(consent.header("psu-user-agent")).hasValueSatisfying(agent -> assertThat(agent).contains("Java"));
        JsonNode accounts = walk.accounts(id);
        assertThat(accounts).hasSize(4);
        assertThat(accounts.findValuesAsString("type")).containsExactly("checking", "savings", "checking", "card");
        assertThat(accounts.get(0).get("iban").asString()).startsWith("DE");
        assertThat(accounts.get(0).get("balance").isNumber()).isTrue();

        long account = accounts.get(0).get("id").asLong();
        walk.activate(id, account);

        JsonNode transactions = api.get("/users/me/accounts/" + account + "/transactions?limit=1000")
                .bearer(user.token()).send().json().get("transactions");
        assertThat(transactions.size()).isPositive();
        assertThat(transactions.findValuesAsString("wording")).allMatch(w -> !w.isBlank());
        assertThat(BANK.simulator.lastRequest(Endpoint.TRANSACTIONS).orElseThrow().rawQuery())
                .contains("bookingStatus=both", "dateFrom=");
    }

    @Test
    void theConsentTheBankGrantedIsTheSourcesAccessExpiry() {
        long id = walk.connected("redirect");

        JsonNode source = walk.source(id);

        LocalDate validUntil = BANK.simulator.consents().stream().filter(c -> c.psuId().filter("redirect"::equals)
                .isPresent()).map(c -> c.validUntil()).max(LocalDate::compareTo).orElseThrow();
        assertThat(WireTime.instant(source.get("access_expire")))
                .isEqualTo(validUntil.plusDays(1).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant());
    }

    @Test
    void aRefusalAtTheBankSendsTheUserBackWithAccessDenied() {
        Map<String, String> back = walk.walk(walk.link(Map.of()), "redirect", "deny");

        assertThat(back).containsEntry("error", "access_denied");
    }

    @Test
    void anEmbeddedConnectionAsksTheMethodThenTheOneTimeCodeWithItsImageAndAgainAfterAWrongOne() {
        TestApi.Response created = api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", Xs2aBank.UUID, "login", "embedded-choice", "password", "secret")).send();

        assertThat(created.status()).as("%s", created).isEqualTo(202);
        JsonNode choice = created.json();
        assertThat(choice.get("state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(choice.get("fields").get(0).get("name").asString()).isEqualTo("scamethod");
        assertThat(choice.get("fields").get(0).get("values").findValuesAsString("value")).containsExactly("sms", "photo");
        long id = choice.get("id").asLong();

        JsonNode code = walk.answer(id, Map.of("scamethod", "photo")).json();
        assertThat(code.get("fields").get(0).get("name").asString()).isEqualTo("tan");
        assertThat(code.get("fields").get(0).get("image").asString()).startsWith("data:image/png;base64,");
        JsonNode again = walk.answer(id, Map.of("tan", "000000")).json();
        assertThat(again.get("state").asString()).isEqualTo("additionalInformationNeeded");
        assertThat(again.get("error_message").asString()).contains("attempts left");
        TestApi.Response done = walk.answer(id, Map.of("tan", "654321"));

        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.json().get("state").isNull()).isTrue();
        assertThat(walk.accounts(id)).hasSize(4);
    }

    @Test
    void aWrongPasswordIsWrongpass() {
        TestApi.Response refused = api.post("/users/me/connections").bearer(user.token())
                .json(Map.of("connector_uuid", Xs2aBank.UUID, "login", "embedded", "password", "wrong")).send();

        assertThat(refused.json().get("code").asString()).as("%s", refused).isEqualTo("wrongpass");
        assertThat(refused.text()).doesNotContain("wrong\"");
    }

    @Test
    void aDecoupledConnectionIsDoneOnceTheUserApprovedInTheApp() {
        Map<String, String> back = walk.open(walk.link(Map.of("openapilogin", "quick")));
        long id = Long.parseLong(back.get("id_connection"));
        assertThat(walk.connection(id).get("state").asString()).isEqualTo("decoupled");

        TestApi.Response resumed = walk.answer(id, Map.of("resume", "true"));

        assertThat(resumed.json().get("state").isNull()).as("%s", resumed).isTrue();
        assertThat(walk.accounts(id)).hasSize(4);
    }

    @Test
    void aConsentThatEndedBeforeTheNextBackgroundSyncAsksTheUserForAWebAuthentication() {
        long id = walk.connected("expiring");
        Duration aDay = Duration.ofDays(1).plusMinutes(1);
        clock.advance(aDay);
        BANK.simulator.clock().advance(aDay);

        background.sync(id);

        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").asString()).isEqualTo("webauthRequired");
        assertThat(walk.logs(id).get(0).get("actor").asString()).isEqualTo("scheduler");
        assertThat(BANK.simulator.lastRequest(Endpoint.CONSENT_STATUS).orElseThrow().header("psu-ip-address")).isEmpty();
    }

    @Test
    void everyCallToTheBankIsSignedWithTheTppsQseal() {
        walk.connected("redirect");

        assertThat(BANK.simulator.requests()).filteredOn(request -> request.path().startsWith("/v1/"))
                .isNotEmpty().allSatisfy(request -> {
            assertThat(request.header("digest")).hasValueSatisfying(d -> assertThat(d).startsWith("SHA-256="));
            assertThat(request.header("signature")).hasValueSatisfying(s -> assertThat(s).contains("keyId="));
            assertThat(request.header("tpp-signature-certificate")).isPresent();
        });
    }

    @Test
    void aRefusalInTheBankingAppAsksForANewAuthentication() {
        Map<String, String> back = walk.open(walk.link(Map.of("openapilogin", "quick-refusal")));
        long id = Long.parseLong(back.get("id_connection"));

        walk.answer(id, Map.of("resume", "true"));

        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").asString()).as("%s", connection).isEqualTo("SCARequired");
        assertThat(walk.accounts(id)).isEmpty();
    }

    @Test
    void transactionsOverSeveralPagesAreAllRead() {
        long id = walk.connected("paged");
        long account = walk.accounts(id).get(0).get("id").asLong();

        walk.activate(id, account);

        List<RecordedRequest> pages = BANK.simulator.requests(Endpoint.TRANSACTIONS);
        assertThat(pages).hasSizeGreaterThan(1);
        int entries = pages.stream().mapToInt(page -> entries(page.responseBody())).sum();
        assertThat(transactions(account).size()).isEqualTo(entries);
    }

    @Test
    void aSecondSyncOfTransactionsTheBankSendsWithoutIdsDuplicatesNone() {
        long id = walk.connected("no-ids");
        long account = walk.accounts(id).get(0).get("id").asLong();
        walk.activate(id, account);
        JsonNode first = transactions(account);

        TestApi.Response synced = api.put("/users/me/connections/" + id).bearer(user.token()).send();

        assertThat(synced.status()).as("%s", synced).isEqualTo(200);
        assertThat(first.size()).isPositive();
        assertThat(transactions(account).size()).isEqualTo(first.size());
    }

    @Test
    void aBankThatAllowsNoMoreUnattendedAccessesTodayIsRateLimitingUntilItsRetryAfter() {
        long id = walk.connected("rate-limited");
        walk.activate(id, walk.accounts(id).get(0).get("id").asLong());

        background.sync(id);
        background.sync(id);

        JsonNode connection = walk.connection(id);
        assertThat(connection.get("state").asString()).as("%s", connection).isEqualTo("rateLimiting");
        assertThat(WireTime.instant(connection.get("next_try"))).isAfter(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void aBankUnavailableOnTheAccountsListMakesTheConnectionWebsiteUnavailableUntilItsRetryAfter() {
        // next_try is written to the second (YYYY-MM-DD HH:MM:SS), so it is bounded from the time before the step
        Instant beforeTheStep = clock.instant();
        long id = walk.connected("unavailable");

        JsonNode connection = walk.connection(id);

        assertThat(connection.get("state").asString()).as("%s", connection).isEqualTo("websiteUnavailable");
        assertThat(BANK.simulator.lastRequest(Endpoint.ACCOUNTS).orElseThrow().status()).isEqualTo(503);
        assertThat(WireTime.instant(connection.get("next_try")))
                .isAfterOrEqualTo(beforeTheStep.plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(walk.accounts(id)).isEmpty();
    }

    @Test
    void deletingTheConnectionWithdrawsItsConsentAtTheBank() {
        Set<String> before = consentIds();
        long id = walk.connected("redirect");
        ConsentView consent = validConsentSince(before);

        TestApi.Response deleted = api.delete("/users/me/connections/" + id).bearer(user.token()).send();

        assertThat(deleted.status()).as("%s", deleted).isLessThan(300);
        assertThat(BANK.simulator.consent(consent.consentId()).orElseThrow().status())
                .isEqualTo(ConsentStatus.TERMINATED_BY_TPP);
    }

    @Test
    void deletingTheUserWithdrawsTheConsentsOfItsConnections() {
        Set<String> before = consentIds();
        walk.connected("redirect");
        ConsentView consent = validConsentSince(before);

        TestApi.Response deleted = api.delete("/users/me").bearer(user.token()).send();

        assertThat(deleted.status()).as("%s", deleted).isLessThan(300);
        assertThat(BANK.simulator.consent(consent.consentId()).orElseThrow().status())
                .isEqualTo(ConsentStatus.TERMINATED_BY_TPP);
    }

    @Test
    void purgingAnExpiredTemporaryUserWithdrawsTheConsentsOfItsConnections() {
        Set<String> before = consentIds();
        PsuWalk temporary = walks.newTemporaryUserAt(BANK);
        temporary.connected("redirect");
        ConsentView consent = validConsentSince(before);

        clock.advance(UserAccounts.TEMPORARY_LIFETIME.plusMinutes(1));
        assertThat(users.purgeExpiredTemporaryUsers()).isPositive();

        assertThat(users.find(temporary.user().id())).isEmpty();
        assertThat(BANK.simulator.consent(consent.consentId()).orElseThrow().status())
                .isEqualTo(ConsentStatus.TERMINATED_BY_TPP);
        assertThat(BANK.simulator.lastRequest(Endpoint.DELETE_CONSENT).orElseThrow().path())
                .endsWith("/v1/consents/" + consent.consentId());
    }

    private JsonNode transactions(long account) {
        return api.get("/users/me/accounts/" + account + "/transactions?limit=1000").bearer(user.token()).send().json()
                .get("transactions");
    }

    /** The booked and pending entries of one page of the bank's report. */
    private static int entries(String page) {
        JsonNode report = JSON.readTree(page).path("transactions");
        return report.path("booked").size() + report.path("pending").size();
    }

    private static Set<String> consentIds() {
        return BANK.simulator.consents().stream().map(ConsentView::consentId).collect(Collectors.toSet());
    }

    private static ConsentView validConsentSince(Set<String> before) {
        return BANK.simulator.consents().stream().filter(c -> !before.contains(c.consentId()))
                .filter(c -> c.status() == ConsentStatus.VALID).findFirst().orElseThrow();
    }
}
