package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every flow walked against a simulator that validates each request and response with the Berlin
 * Group's OpenAPI file (CI only: the file lives outside the project, {@code -Dpasserelle.xs2a.spec=…}).
 */
@Tag("xs2a-spec")
class SpecConformanceTest {

    static final String IP = "192.168.8.78";

    SimulatorClock clock = SimulatorClock.fixedAt(Instant.parse("2025-03-14T10:00:00Z"));
    Xs2aSimulator bank;
    Tpp tpp;

    @BeforeEach
    void start() {
        Path spec = SimulatorOptions.specFromEnvironment().orElseThrow(() -> new AssertionError(
                "-D" + SimulatorOptions.SPEC_PROPERTY + " must name the Berlin Group OpenAPI file"));
        assertThat(Files.isRegularFile(spec)).as("%s exists", spec).isTrue();
        bank = Xs2aSimulator.start(SimulatorOptions.builder().clock(clock).spec(spec).build());
        assertThat(bank.validating()).isTrue();
        tpp = new Tpp(bank);
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void redirectConsentAndAllAccountDataConform() {
        String consent = tpp.authorisedConsent("paged");
        String account = bank.accountIds("paged").getFirst();
        String card = bank.accountIds("paged").getLast();
        tpp.get("/v1/consents/" + consent);
        tpp.get("/v1/consents/" + consent + "/status");
        tpp.get("/v1/consents/" + consent + "/authorisations");
        tpp.get("/v1/accounts?withBalance=true", "Consent-ID", consent, "PSU-IP-Address", IP);
        tpp.get("/v1/accounts/" + account + "?withBalance=true", "Consent-ID", consent, "PSU-IP-Address", IP);
        tpp.get("/v1/accounts/" + account + "/balances", "Consent-ID", consent, "PSU-IP-Address", IP);
        JsonNode page = tpp.get("/v1/accounts/" + account + "/transactions?bookingStatus=both&dateFrom=2025-01-01",
                "Consent-ID", consent, "PSU-IP-Address", IP).json();
        String next = page.at("/transactions/_links/next/href").asText();
        tpp.get(next, "Consent-ID", consent, "PSU-IP-Address", IP);
        String transactionId = page.at("/transactions/booked/0/transactionId").asText();
        tpp.get("/v1/accounts/" + account + "/transactions/" + transactionId, "Consent-ID", consent, "PSU-IP-Address", IP);
        tpp.get("/v1/card-accounts", "Consent-ID", consent, "PSU-IP-Address", IP);
        tpp.get("/v1/card-accounts/" + card, "Consent-ID", consent, "PSU-IP-Address", IP);
        tpp.get("/v1/card-accounts/" + card + "/balances", "Consent-ID", consent, "PSU-IP-Address", IP);
        tpp.get("/v1/card-accounts/" + card + "/transactions?bookingStatus=both&dateFrom=2025-02-01",
                "Consent-ID", consent, "PSU-IP-Address", IP);
        tpp.send("DELETE", "/v1/consents/" + consent, null);

        assertNoViolations(15);
    }

    @Test
    void embeddedDecoupledAndOAuthFlowsConform() {
        Tpp.Reply embedded = tpp.createConsent("embedded-choice");
        String start = embedded.href("startAuthorisationWithPsuAuthentication");
        Tpp.Reply authenticated = tpp.send("POST", start, Map.of("psuData", Map.of("password", "secret")),
                "PSU-ID", "embedded-choice");
        assertThat(authenticated.status()).as(authenticated.text()).isEqualTo(201);
        String authorisation = authenticated.href("selectAuthenticationMethod");
        tpp.send("PUT", authorisation, Map.of("authenticationMethodId", "photo"));
        tpp.send("PUT", authorisation, Map.of("scaAuthenticationData", "000000"));
        tpp.send("PUT", authorisation, Map.of("scaAuthenticationData", "654321"));
        tpp.get(authorisation);

        Tpp.Reply decoupled = tpp.createConsent("decoupled");
        tpp.get(decoupled.href("scaStatus"));
        clock.advance(Duration.ofMinutes(1));
        tpp.get(decoupled.href("scaStatus"));
        Tpp.Reply explicit = tpp.createConsent(Tpp.allPsd2(), null, "TPP-Decoupled-Preferred", "true");
        tpp.send("POST", explicit.href("startAuthorisationWithPsuIdentification"), null, "PSU-ID", "decoupled");

        tpp.createConsent("oauth");

        assertNoViolations(12);
    }

    @Test
    void otherConsentShapesAndTheirDataConform() {
        Tpp.Reply offered = tpp.createConsent(Tpp.consentBody(access -> {
            access.putArray("accounts");
            access.putArray("balances");
            access.putArray("transactions");
        }), "no-ids", "TPP-Explicit-Authorisation-Preferred", "true");
        Tpp.Reply started = tpp.send("POST", offered.href("startAuthorisation"), null, "TPP-Redirect-URI", Tpp.OK_URI);
        tpp.redirectAndDecide(started.href("scaRedirect"), "no-ids", true);
        String consent = offered.json().get("consentId").asText();
        tpp.get("/v1/consents/" + consent);
        tpp.get("/v1/accounts/" + bank.accountIds("no-ids").getFirst()
                + "/transactions?bookingStatus=both&dateFrom=2025-02-01&withBalance=true", "Consent-ID", consent,
                "PSU-IP-Address", IP);
        tpp.get("/v1/card-accounts/" + bank.accountIds("no-ids").getLast()
                + "/transactions?bookingStatus=booked&dateFrom=2025-02-01", "Consent-ID", consent);

        Tpp.Reply available = tpp.createConsent(Tpp.consentBody(access ->
                access.put("availableAccountsWithBalance", "allAccountsWithOwnerName")), "redirect");
        tpp.redirectAndDecide(available.href("scaRedirect"), "redirect", true);
        tpp.get("/v1/accounts?withBalance=true", "Consent-ID", available.json().get("consentId").asText(),
                "PSU-IP-Address", IP);

        String oauth = tpp.createConsent("oauth").json().get("consentId").asText();
        String token = tpp.oauthToken(oauth).json().get("access_token").asText();
        tpp.get("/v1/accounts?withBalance=true", "Consent-ID", oauth, "Authorization", "Bearer " + token);
        tpp.get("/v1/accounts", "Consent-ID", oauth);

        assertNoViolations(9);
    }

    @Test
    void errorAnswersConform() {
        String expiring = tpp.authorisedConsent("expiring");
        String limited = tpp.authorisedConsent("rate-limited");
        String unavailable = tpp.authorisedConsent("unavailable");
        String balances = "/v1/accounts/" + bank.accountIds("rate-limited").getFirst() + "/balances";
        tpp.get(balances, "Consent-ID", limited);
        assertThat(tpp.get(balances, "Consent-ID", limited).status()).isEqualTo(429);
        assertThat(tpp.get("/v1/accounts", "Consent-ID", unavailable).status()).isEqualTo(503);
        clock.advance(Duration.ofDays(1));
        assertThat(tpp.get("/v1/accounts", "Consent-ID", expiring).code()).isEqualTo("CONSENT_EXPIRED");
        assertThat(tpp.get("/v1/accounts", "Consent-ID", "unknown").code()).isEqualTo("CONSENT_UNKNOWN");
        assertThat(tpp.get("/v1/consents/unknown").code()).isEqualTo("CONSENT_UNKNOWN");
        bank.fault(Fault.of(Fault.Kind.FORMAT_ERROR, Endpoint.CONSENT_STATUS).times(1));
        assertThat(tpp.get("/v1/consents/" + limited + "/status").code()).isEqualTo("FORMAT_ERROR");
        Tpp.Reply rejected = tpp.createConsent("decoupled-rejected");
        clock.advance(Duration.ofMinutes(1));
        tpp.get(rejected.href("scaStatus"));
        assertThat(tpp.get("/v1/accounts", "Consent-ID", rejected.json().get("consentId").asText()).code())
                .isEqualTo("CONSENT_INVALID");
        Tpp.Reply embedded = tpp.createConsent("embedded");
        assertThat(tpp.send("POST", embedded.href("startAuthorisationWithPsuAuthentication"),
                Map.of("psuData", Map.of("password", "wrong")), "PSU-ID", "embedded").code())
                .isEqualTo("PSU_CREDENTIALS_INVALID");
        assertThat(tpp.get("/v1/nothing-here").status()).isEqualTo(404);

        assertNoViolations(10);
    }

    @Test
    void aRequestThatDoesNotConformIsAFormatErrorAndRecorded() {
        Tpp.Reply refused = tpp.createConsent("redirect", "PSU-IP-Address", "not-an-ip");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("FORMAT_ERROR");
        assertThat(bank.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow().specViolations())
                .anyMatch(v -> v.startsWith("request: ") && v.contains("not-an-ip"))
                .noneMatch(v -> v.startsWith("response: "));
    }

    @Test
    void securityRefusalsConform() {
        try (Xs2aSimulator signing = Xs2aSimulator.start(SimulatorOptions.builder()
                .spec(SimulatorOptions.specFromEnvironment().orElseThrow()).requireSignature().build())) {
            assertThat(new Tpp(signing).createConsent("redirect").code()).isEqualTo("SIGNATURE_MISSING");
            assertThat(signing.specViolations()).isEmpty();
        }
    }

    private void assertNoViolations(int atLeastCalls) {
        assertThat(bank.requests().stream().filter(r -> r.endpoint() != null && r.endpoint().xs2a()).count())
                .isGreaterThanOrEqualTo(atLeastCalls);
        assertThat(bank.specViolations()).isEmpty();
    }
}
