package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedirectConsentTest {

    static final Instant NOW = Instant.parse("2025-03-14T10:00:00Z");

    Xs2aSimulator bank;
    Tpp tpp;

    @BeforeEach
    void start() {
        bank = Xs2aSimulator.start(SimulatorOptions.builder().clock(SimulatorClock.fixedAt(NOW))
                .maxConsentValidity(Period.ofDays(90)).build());
        tpp = new Tpp(bank);
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void redirectConsentIsCreatedWithScaRedirectAndStandardHeaders() {
        Tpp.Reply created = tpp.createConsent("redirect");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("consentStatus").asText()).isEqualTo("received");
        String consentId = created.json().get("consentId").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/consents/" + consentId);
        assertThat(created.header("ASPSP-SCA-Approach")).isEqualTo("REDIRECT");
        assertThat(created.header("X-Request-ID")).isEqualTo(bank.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow()
                .header("X-Request-ID").orElseThrow());
        assertThat(created.href("scaRedirect")).startsWith(bank.baseUrl() + "/sca/redirect/");
        assertThat(created.href("scaStatus")).startsWith("/v1/consents/" + consentId + "/authorisations/");
        assertThat(created.href("status")).isEqualTo("/v1/consents/" + consentId + "/status");
    }

    @Test
    void psuWhoAcceptsIsSentToTheRedirectUriAndTheConsentBecomesValid() {
        Tpp.Reply created = tpp.createConsent("redirect");

        Tpp.Reply back = tpp.redirectAndDecide(created.href("scaRedirect"), "redirect", true);

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo(Tpp.OK_URI);
        String consentId = created.json().get("consentId").asText();
        assertThat(tpp.get("/v1/consents/" + consentId + "/status").json().get("consentStatus").asText())
                .isEqualTo("valid");
        assertThat(tpp.get(created.href("scaStatus")).json().get("scaStatus").asText()).isEqualTo("finalised");
        assertThat(bank.consent(consentId).orElseThrow().accounts()).hasSize(4);
    }

    @Test
    void psuWhoDeniesIsSentToTheNokRedirectUriAndTheConsentIsRejected() {
        Tpp.Reply created = tpp.createConsent("redirect");

        Tpp.Reply back = tpp.redirectAndDecide(created.href("scaRedirect"), "redirect", false);

        assertThat(back.header("Location")).isEqualTo(Tpp.NOK_URI);
        assertThat(bank.consent(created.json().get("consentId").asText()).orElseThrow().status())
                .isEqualTo(ConsentStatus.REJECTED);
        assertThat(tpp.get(created.href("scaStatus")).json().get("scaStatus").asText()).isEqualTo("failed");
    }

    @Test
    void wrongPasswordOnTheLoginPageShowsTheErrorAndKeepsTheAuthorisationOpen() {
        Tpp.Reply created = tpp.createConsent("redirect");

        Tpp.Reply page = tpp.form(created.href("scaRedirect"), Map.of("psuId", "redirect", "password", "nope",
                "action", "login"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"error\"").contains("2 attempts left");
        assertThat(tpp.get(created.href("scaStatus")).json().get("scaStatus").asText()).isEqualTo("psuIdentified");
    }

    @Test
    void anUnknownOrFinishedRedirectLinkSaysSo() {
        Tpp.Reply unknown = tpp.browse(bank.baseUrl() + "/sca/redirect/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("This link is not valid");

        Tpp.Reply created = tpp.createConsent("redirect");
        tpp.redirectAndDecide(created.href("scaRedirect"), "redirect", false);
        Tpp.Reply again = tpp.browse(created.href("scaRedirect"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("This authorisation is finished");
    }

    @Test
    void userInputOnThePageIsEscaped() {
        Tpp.Reply created = tpp.createConsent(Tpp.allPsd2(), null);

        Tpp.Reply page = tpp.form(created.href("scaRedirect"), Map.of("psuId", "<script>x</script>",
                "password", "nope", "action", "login"));

        assertThat(page.text()).doesNotContain("<script>x</script>").contains("&lt;script&gt;");
    }

    @Test
    void validUntilIsCappedByTheBanksMaximum() {
        String consentId = tpp.authorisedConsent("redirect");

        ObjectNode consent = (ObjectNode) tpp.get("/v1/consents/" + consentId).json();

        assertThat(consent.get("validUntil").asText()).isEqualTo(LocalDate.parse("2025-03-14").plusDays(90).toString());
        assertThat(consent.get("frequencyPerDay").asInt()).isEqualTo(4);
        assertThat(consent.get("recurringIndicator").asBoolean()).isTrue();
        assertThat(consent.get("consentStatus").asText()).isEqualTo("valid");
        assertThat(consent.get("access").get("allPsd2").asText()).isEqualTo("allAccounts");
    }

    @Test
    void explicitStartIsOfferedWhenTheTppPrefersIt() {
        Tpp.Reply created = tpp.createConsent("redirect", "TPP-Explicit-Authorisation-Preferred", "true");
        assertThat(created.href("scaRedirect")).isNull();
        String start = created.href("startAuthorisation");
        assertThat(start).isEqualTo("/v1/consents/" + created.json().get("consentId").asText() + "/authorisations");

        Tpp.Reply authorisation = tpp.send("POST", start, null, "TPP-Redirect-URI", Tpp.OK_URI);

        assertThat(authorisation.status()).isEqualTo(201);
        assertThat(authorisation.json().get("scaStatus").asText()).isEqualTo("psuIdentified");
        assertThat(authorisation.href("scaRedirect")).contains(authorisation.json().get("authorisationId").asText());
        assertThat(tpp.redirectAndDecide(authorisation.href("scaRedirect"), "redirect", true).header("Location"))
                .isEqualTo(Tpp.OK_URI);
    }

    @Test
    void bankOfferedConsentListsTheAccountsThePsuPicked() {
        ObjectNode body = Tpp.consentBody(access -> {
            access.putArray("accounts");
            access.putArray("balances");
            access.putArray("transactions");
        });
        Tpp.Reply created = tpp.createConsent(body, "redirect");
        String scaRedirect = created.href("scaRedirect");
        tpp.form(scaRedirect, Map.of("psuId", "redirect", "password", "secret", "action", "login"));
        String current = bank.accountIds("redirect").getFirst();

        tpp.form(scaRedirect, Map.of("action", "accept", "account", current));

        ObjectNode consent = (ObjectNode) tpp.get("/v1/consents/" + created.json().get("consentId").asText()).json();
        assertThat(consent.get("access").get("accounts")).hasSize(1);
        assertThat(consent.get("access").get("accounts").get(0).get("iban").asText()).startsWith("DE");
        assertThat(bank.consent(created.json().get("consentId").asText()).orElseThrow().transactions())
                .containsExactly(current);
    }

    @Test
    void deletedConsentIsTerminatedAndNoLongerGivesData() {
        String consentId = tpp.authorisedConsent("redirect");

        assertThat(tpp.send("DELETE", "/v1/consents/" + consentId, null).status()).isEqualTo(204);

        assertThat(tpp.get("/v1/consents/" + consentId + "/status").json().get("consentStatus").asText())
                .isEqualTo("terminatedByTpp");
        Tpp.Reply accounts = tpp.get("/v1/accounts", "Consent-ID", consentId);
        assertThat(accounts.status()).isEqualTo(401);
        assertThat(accounts.code()).isEqualTo("CONSENT_INVALID");
    }

    @Test
    void theBankCanExpireOrThePsuRevokeAConsentFromTheTest() {
        String expired = tpp.authorisedConsent("redirect");
        bank.expireConsent(expired);
        assertThat(tpp.get("/v1/accounts", "Consent-ID", expired).code()).isEqualTo("CONSENT_EXPIRED");

        String revoked = tpp.authorisedConsent("redirect");
        bank.revokeConsent(revoked);
        assertThat(tpp.get("/v1/accounts", "Consent-ID", revoked).code()).isEqualTo("CONSENT_INVALID");
        assertThat(tpp.get("/v1/consents/" + revoked + "/status").json().get("consentStatus").asText())
                .isEqualTo("revokedByPsu");
    }

    @Test
    void anotherRecurringConsentOfThePsuEndsTheFormerOne() {
        String first = tpp.authorisedConsent("redirect");
        String second = tpp.authorisedConsent("redirect");

        assertThat(bank.consent(first).orElseThrow().status()).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(bank.consent(second).orElseThrow().status()).isEqualTo(ConsentStatus.VALID);
    }

    @Test
    void theBankRefusesWhatItDoesNotSupportWithTheStandardsCodes() {
        ObjectNode combined = Tpp.allPsd2();
        combined.put("combinedServiceIndicator", true);
        assertThat(tpp.createConsent(combined, "redirect").code()).isEqualTo("SESSIONS_NOT_SUPPORTED");
        ObjectNode past = Tpp.allPsd2();
        past.put("validUntil", "2025-03-13");
        assertThat(tpp.createConsent(past, "redirect").code()).isEqualTo("PERIOD_INVALID");
        ObjectNode mixed = Tpp.consentBody(access -> {
            access.put("allPsd2", "allAccounts");
            access.putArray("accounts").addObject().put("iban", "DE89370400440532013000");
        });
        assertThat(tpp.createConsent(mixed, "redirect").code()).isEqualTo("PARAMETER_NOT_CONSISTENT");
    }

    @Test
    void withoutAScenarioTheBankFollowsTheTppsPreference() {
        assertThat(tpp.createConsent("newcomer", "TPP-Redirect-Preferred", "false").header("ASPSP-SCA-Approach"))
                .isEqualTo("EMBEDDED");
        assertThat(tpp.createConsent("newcomer", "TPP-Decoupled-Preferred", "true").header("ASPSP-SCA-Approach"))
                .isEqualTo("DECOUPLED");
        assertThat(tpp.createConsent("newcomer").header("ASPSP-SCA-Approach")).isEqualTo("REDIRECT");
        assertThat(tpp.createConsent("newcomer", "TPP-Redirect-Preferred", "maybe").code()).isEqualTo("FORMAT_ERROR");
    }

    @Test
    void aBankThatWantsThePsuIdRefusesConsentsWithoutIt() {
        try (Xs2aSimulator strict = Xs2aSimulator.start(SimulatorOptions.builder().psuIdRequired(true).build())) {
            Tpp client = new Tpp(strict);
            Tpp.Reply refused = client.createConsent(Tpp.allPsd2(), null);
            assertThat(refused.code()).isEqualTo("FORMAT_ERROR");
            assertThat(refused.json().at("/tppMessages/0/path").asText()).isEqualTo("PSU-ID");
            assertThat(client.createConsent("redirect").status()).isEqualTo(201);
        }
    }

    @Test
    void unknownConsentIsRefusedWithConsentUnknown() {
        Tpp.Reply status = tpp.get("/v1/consents/nope/status");
        assertThat(status.status()).isEqualTo(403);
        assertThat(status.code()).isEqualTo("CONSENT_UNKNOWN");
        Tpp.Reply accounts = tpp.get("/v1/accounts", "Consent-ID", "nope");
        assertThat(accounts.status()).isEqualTo(400);
        assertThat(accounts.code()).isEqualTo("CONSENT_UNKNOWN");
    }

    @Test
    void malformedConsentRequestsAreFormatErrors() {
        ObjectNode noFrequency = Tpp.allPsd2();
        noFrequency.remove("frequencyPerDay");
        Tpp.Reply missing = tpp.createConsent(noFrequency, "redirect");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("FORMAT_ERROR");
        assertThat(missing.json().at("/tppMessages/0/path").asText()).isEqualTo("frequencyPerDay");

        Tpp.Reply noRequestId = tpp.send("GET", "/v1/consents/x/status", null, "X-Request-ID", "not-a-uuid");
        assertThat(noRequestId.code()).isEqualTo("FORMAT_ERROR");

        Tpp.Reply notJson = tpp.send("POST", "/v1/consents", "just text", "PSU-IP-Address", "10.0.0.1");
        assertThat(notJson.status()).isEqualTo(400);

        Tpp.Reply noAddress = tpp.send("POST", "/v1/consents", Tpp.allPsd2(), "TPP-Redirect-URI", Tpp.OK_URI);
        assertThat(noAddress.json().at("/tppMessages/0/path").asText()).isEqualTo("PSU-IP-Address");
    }
}
