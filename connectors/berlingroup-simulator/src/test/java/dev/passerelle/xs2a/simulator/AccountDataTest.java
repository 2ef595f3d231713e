package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passerelle.xs2a.simulator.bank.Iban;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountDataTest {

    static final String ATTENDED_IP = "192.168.8.78";

    SimulatorClock clock = SimulatorClock.fixedAt(Instant.parse("2025-03-14T10:00:00Z"));
    Xs2aSimulator bank;
    Tpp tpp;

    @BeforeEach
    void start() {
        bank = Xs2aSimulator.start(SimulatorOptions.builder().clock(clock).build());
        tpp = new Tpp(bank);
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void accountsWithBalanceHaveValidIbansSeveralCurrenciesAndTheFourBalanceTypes() {
        String consent = tpp.authorisedConsent("redirect");

        JsonNode accounts = tpp.get("/v1/accounts?withBalance=true", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP).json().get("accounts");

        assertThat(accounts).hasSize(3);
        List<String> currencies = new ArrayList<>();
        for (JsonNode account : accounts) {
            assertThat(Iban.valid(account.get("iban").asText())).as(account.get("iban").asText()).isTrue();
            currencies.add(account.get("currency").asText());
            assertThat(account.at("/_links/transactions/href").asText()).endsWith(account.get("resourceId").asText()
                    + "/transactions");
        }
        assertThat(currencies).contains("EUR", "USD");
        List<String> types = new ArrayList<>();
        accounts.get(0).get("balances").forEach(b -> types.add(b.get("balanceType").asText()));
        assertThat(types).containsExactly("closingBooked", "interimBooked", "expected", "interimAvailable");
    }

    @Test
    void transactionsArePagedWithNextLinksAndEveryEntryComesOnce() {
        String consent = tpp.authorisedConsent("paged");
        String account = bank.accountIds("paged").getFirst();
        String next = "/v1/accounts/" + account + "/transactions?bookingStatus=both&dateFrom=2024-12-01";
        Set<String> ids = new HashSet<>();
        int pages = 0;
        int pending = 0;
        while (next != null) {
            JsonNode body = tpp.get(next, "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP).json();
            JsonNode report = body.get("transactions");
            assertThat(report.get("booked").size() + report.get("pending").size()).isLessThanOrEqualTo(10);
            report.get("booked").forEach(t -> assertThat(ids.add(t.get("transactionId").asText())).isTrue());
            report.get("pending").forEach(t -> assertThat(ids.add(t.get("transactionId").asText())).isTrue());
            pending += report.get("pending").size();
            assertThat(report.at("/_links/account/href").asText()).isEqualTo("/v1/accounts/" + account);
            next = report.at("/_links/next/href").asText(null);
            pages++;
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(pending).isPositive();
        assertThat(ids.size()).isGreaterThan(30);
    }

    @Test
    void bookingStatusAndDatesFilterTheEntries() {
        String consent = tpp.authorisedConsent("redirect");
        String path = "/v1/accounts/" + bank.accountIds("redirect").getFirst() + "/transactions?dateFrom=2025-03-01";

        JsonNode booked = tpp.get(path + "&dateTo=2025-03-05&bookingStatus=booked", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP).json().get("transactions");
        JsonNode pending = tpp.get(path + "&bookingStatus=pending", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP).json().get("transactions");

        assertThat(booked.has("pending")).isFalse();
        booked.get("booked").forEach(t -> assertThat(t.get("bookingDate").asText()).isBetween("2025-03-01", "2025-03-05"));
        assertThat(booked.get("booked").toString()).contains("Miete 3/2025");
        assertThat(pending.has("booked")).isFalse();
        pending.get("pending").forEach(t -> assertThat(t.has("bookingDate")).isFalse());
        Tpp.Reply noStatus = tpp.get(path, "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP);
        assertThat(noStatus.code()).isEqualTo("FORMAT_ERROR");
        Tpp.Reply farPage = tpp.get(path + "&bookingStatus=both&pageIndex=2147483647", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP);
        assertThat(farPage.status()).isEqualTo(400);
        assertThat(farPage.json().at("/tppMessages/0/path").asText()).isEqualTo("pageIndex");
    }

    @Test
    void aPendingEntryIsBookedUnderTheSameIdWhenTheClockMoves() {
        String consent = tpp.authorisedConsent("redirect");
        String path = "/v1/accounts/" + bank.accountIds("redirect").getFirst()
                + "/transactions?bookingStatus=both&dateFrom=2025-03-01";
        JsonNode before = tpp.get(path, "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP).json();
        String pendingId = before.at("/transactions/pending/0/transactionId").asText();

        clock.advance(Duration.ofDays(5));

        JsonNode after = tpp.get(path, "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP).json();
        List<String> booked = new ArrayList<>();
        after.at("/transactions/booked").forEach(t -> booked.add(t.get("transactionId").asText()));
        assertThat(booked).contains(pendingId);
    }

    @Test
    void theSameSeedAndDayGiveTheSameData() {
        String consent = tpp.authorisedConsent("redirect");
        String path = "/v1/accounts/" + bank.accountIds("redirect").getFirst()
                + "/transactions?bookingStatus=booked&dateFrom=2025-01-01";
        String first = tpp.get(path, "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP).json().toString();

        try (Xs2aSimulator again = Xs2aSimulator.start(SimulatorOptions.builder().clock(
                SimulatorClock.fixedAt(Instant.parse("2025-03-14T10:00:00Z"))).build())) {
            Tpp other = new Tpp(again);
            String otherConsent = other.authorisedConsent("redirect");
            String second = other.get(path, "Consent-ID", otherConsent, "PSU-IP-Address", ATTENDED_IP).json().toString();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void transactionsWithoutIdsCarryNeitherTransactionIdNorEntryReference() {
        String consent = tpp.authorisedConsent("no-ids");

        JsonNode booked = tpp.get("/v1/accounts/" + bank.accountIds("no-ids").getFirst()
                        + "/transactions?bookingStatus=booked&dateFrom=2025-02-01", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP).json().at("/transactions/booked");

        assertThat(booked.size()).isPositive();
        booked.forEach(t -> {
            assertThat(t.has("transactionId")).isFalse();
            assertThat(t.has("entryReference")).isFalse();
        });
    }

    @Test
    void cardAccountsHaveTheirBalancesAndTransactions() {
        String consent = tpp.authorisedConsent("redirect");

        JsonNode cards = tpp.get("/v1/card-accounts", "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP).json();
        String card = cards.at("/cardAccounts/0/resourceId").asText();
        assertThat(cards.at("/cardAccounts/0/maskedPan").asText()).matches("\\d{6}\\*{6}\\d{4}");

        JsonNode balances = tpp.get("/v1/card-accounts/" + card + "/balances", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP).json();
        assertThat(balances.at("/balances/1/balanceType").asText()).isEqualTo("interimAvailable");
        JsonNode transactions = tpp.get("/v1/card-accounts/" + card + "/transactions?bookingStatus=both&dateFrom=2025-02-01",
                "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP).json();
        assertThat(transactions.at("/cardTransactions/booked/0/merchantCategoryCode").asText()).hasSize(4);
        assertThat(tpp.get("/v1/accounts/" + card, "Consent-ID", consent).code()).isEqualTo("RESOURCE_UNKNOWN");
    }

    @Test
    void unattendedAccessBeyondFrequencyPerDayIsRefusedUntilTomorrow() {
        String consent = tpp.authorisedConsent("rate-limited");
        String balances = "/v1/accounts/" + bank.accountIds("rate-limited").getFirst() + "/balances";

        assertThat(tpp.get(balances, "Consent-ID", consent).status()).isEqualTo(200);
        Tpp.Reply refused = tpp.get(balances, "Consent-ID", consent);
        assertThat(tpp.get(balances, "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP).status()).isEqualTo(200);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("ACCESS_EXCEEDED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(Duration.ofHours(13).toSeconds());
        clock.advance(Duration.ofDays(1));
        assertThat(tpp.get(balances, "Consent-ID", consent).status()).isEqualTo(200);
    }

    @Test
    void consentThatExpiresSilentlyAnswersConsentExpiredOnALaterAccess() {
        String consent = tpp.authorisedConsent("expiring");
        assertThat(tpp.get("/v1/accounts", "Consent-ID", consent).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(1));

        Tpp.Reply expired = tpp.get("/v1/accounts", "Consent-ID", consent);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("CONSENT_EXPIRED");
        assertThat(tpp.get("/v1/consents/" + consent + "/status").json().get("consentStatus").asText())
                .isEqualTo("expired");
    }

    @Test
    void scriptedFaultsAnswerInTheProtocolsEnvelope() {
        String consent = tpp.authorisedConsent("unavailable");
        Tpp.Reply unavailable = tpp.get("/v1/accounts", "Consent-ID", consent);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.text()).isEmpty();
        assertThat(unavailable.header("Retry-After")).isEqualTo("300");

        String other = tpp.authorisedConsent("redirect");
        bank.fault(Fault.of(Fault.Kind.FORMAT_ERROR, Endpoint.ACCOUNTS).times(1));
        assertThat(tpp.get("/v1/accounts", "Consent-ID", other).code()).isEqualTo("FORMAT_ERROR");
        assertThat(tpp.get("/v1/accounts", "Consent-ID", other).status()).isEqualTo(200);
        assertThat(bank.hits(Endpoint.ACCOUNTS)).isEqualTo(3);
    }

    @Test
    void aConsentOnTheAvailableAccountsGivesTheListWithOwnerNamesAndNothingElse() {
        Tpp.Reply created = tpp.createConsent(Tpp.consentBody(access ->
                access.put("availableAccounts", "allAccountsWithOwnerName")), "redirect");
        tpp.redirectAndDecide(created.href("scaRedirect"), "redirect", true);
        String consent = created.json().get("consentId").asText();

        JsonNode accounts = tpp.get("/v1/accounts?withBalance=true", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP).json().get("accounts");
        assertThat(accounts).hasSize(3);
        assertThat(accounts.get(0).get("ownerName").asText()).isEqualTo("Anna Redirect");
        assertThat(accounts.get(0).has("balances")).isFalse();
        assertThat(accounts.get(0).has("_links")).isFalse();
        assertThat(tpp.get("/v1/accounts/" + bank.accountIds("redirect").getFirst() + "/balances", "Consent-ID",
                consent, "PSU-IP-Address", ATTENDED_IP).code()).isEqualTo("CONSENT_INVALID");
    }

    @Test
    void aDedicatedConsentCoversOnlyItsAccounts() {
        String iban = tpp.get("/v1/accounts", "Consent-ID", tpp.authorisedConsent("redirect"),
                "PSU-IP-Address", ATTENDED_IP).json().at("/accounts/0/iban").asText();
        Tpp.Reply created = tpp.createConsent(Tpp.consentBody(access -> {
            access.putArray("accounts").addObject().put("iban", iban);
            access.putArray("balances").addObject().put("iban", iban);
        }), "redirect");
        tpp.redirectAndDecide(created.href("scaRedirect"), "redirect", true);
        String consent = created.json().get("consentId").asText();
        String account = bank.accountIds("redirect").getFirst();

        assertThat(tpp.get("/v1/accounts", "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP)
                .json().get("accounts")).hasSize(1);
        assertThat(tpp.get("/v1/accounts/" + account + "/balances", "Consent-ID", consent,
                "PSU-IP-Address", ATTENDED_IP).status()).isEqualTo(200);
        Tpp.Reply transactions = tpp.get("/v1/accounts/" + account + "/transactions?bookingStatus=booked&dateFrom=2025-03-01",
                "Consent-ID", consent, "PSU-IP-Address", ATTENDED_IP);
        assertThat(transactions.status()).isEqualTo(401);
        assertThat(transactions.code()).isEqualTo("CONSENT_INVALID");
    }
}
