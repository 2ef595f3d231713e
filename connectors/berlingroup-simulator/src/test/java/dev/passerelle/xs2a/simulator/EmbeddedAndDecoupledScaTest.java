package dev.passerelle.xs2a.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario.DecoupledOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedAndDecoupledScaTest {

    SimulatorClock clock = SimulatorClock.fixedAt(Instant.parse("2025-03-14T10:00:00Z"));
    Xs2aSimulator bank;
    Tpp tpp;

    @BeforeEach
    void start() {
        bank = Xs2aSimulator.start(SimulatorOptions.builder().clock(clock)
                .scenario(PsuScenario.builder("slow").approach(ScaApproach.DECOUPLED)
                        .decoupled(DecoupledOutcome.APPROVED, Duration.ofMinutes(2)).build())
                .build());
        tpp = new Tpp(bank);
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void embeddedWithTwoMethodsSelectsOneAndSurvivesAWrongTan() {
        Tpp.Reply created = tpp.createConsent("embedded-choice");
        assertThat(created.header("ASPSP-SCA-Approach")).isEqualTo("EMBEDDED");
        String start = created.href("startAuthorisationWithPsuAuthentication");
        assertThat(start).isNotNull();

        Tpp.Reply authenticated = tpp.send("POST", start, Map.of("psuData", Map.of("password", "secret")),
                "PSU-ID", "embedded-choice");
        assertThat(authenticated.status()).isEqualTo(201);
        JsonNode body = authenticated.json();
        assertThat(body.get("scaStatus").asText()).isEqualTo("psuAuthenticated");
        assertThat(body.get("scaMethods")).hasSize(2);
        assertThat(body.get("scaMethods").get(1).get("authenticationType").asText()).isEqualTo("PHOTO_OTP");
        String authorisation = authenticated.href("selectAuthenticationMethod");

        Tpp.Reply selected = tpp.send("PUT", authorisation, Map.of("authenticationMethodId", "photo"));
        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.json().get("scaStatus").asText()).isEqualTo("scaMethodSelected");
        byte[] image = Base64.getDecoder().decode(selected.json().at("/challengeData/image").asText());
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        assertThat(selected.href("authoriseTransaction")).isEqualTo(authorisation);

        Tpp.Reply wrong = tpp.send("PUT", authorisation, Map.of("scaAuthenticationData", "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("PSU_CREDENTIALS_INVALID");
        assertThat(wrong.json().at("/tppMessages/0/text").asText()).contains("2 attempts left");

        Tpp.Reply right = tpp.send("PUT", authorisation, Map.of("scaAuthenticationData", "654321"));
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("scaStatus").asText()).isEqualTo("finalised");
        assertThat(bank.consent(created.json().get("consentId").asText()).orElseThrow().status())
                .isEqualTo(ConsentStatus.VALID);
    }

    @Test
    void embeddedWithOneMethodGoesStraightToTheChallenge() {
        Tpp.Reply created = tpp.createConsent("embedded");
        Tpp.Reply started = tpp.send("POST", created.href("startAuthorisationWithPsuAuthentication"), null,
                "PSU-ID", "embedded");
        assertThat(started.json().get("scaStatus").asText()).isIn("psuIdentified");
        String update = started.href("updatePsuAuthentication");

        Tpp.Reply challenged = tpp.send("PUT", update, Map.of("psuData", Map.of("password", "secret")));

        assertThat(challenged.json().get("scaStatus").asText()).isEqualTo("scaMethodSelected");
        assertThat(challenged.json().at("/chosenScaMethod/authenticationType").asText()).isEqualTo("SMS_OTP");
        assertThat(challenged.json().at("/challengeData/otpFormat").asText()).isEqualTo("integer");
    }

    @Test
    void wrongPasswordsThenWrongTansExhaustTheAttempts() {
        Tpp.Reply created = tpp.createConsent("embedded");
        String start = created.href("startAuthorisationWithPsuAuthentication");
        Tpp.Reply wrongPassword = tpp.send("POST", start, Map.of("psuData", Map.of("password", "bad")),
                "PSU-ID", "embedded");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("PSU_CREDENTIALS_INVALID");

        Tpp.Reply challenged = tpp.send("POST", start, Map.of("psuData", Map.of("password", "secret")),
                "PSU-ID", "embedded");
        String authorisation = challenged.href("authoriseTransaction");
        tpp.send("PUT", authorisation, Map.of("scaAuthenticationData", "1"));
        tpp.send("PUT", authorisation, Map.of("scaAuthenticationData", "2"));
        Tpp.Reply last = tpp.send("PUT", authorisation, Map.of("scaAuthenticationData", "3"));

        assertThat(last.json().at("/tppMessages/0/text").asText()).contains("No attempts left");
        assertThat(tpp.get(authorisation).json().get("scaStatus").asText()).isEqualTo("failed");
        assertThat(bank.consent(created.json().get("consentId").asText()).orElseThrow().status())
                .isEqualTo(ConsentStatus.REJECTED);
    }

    @Test
    void decoupledIsFinalisedOnceItsDelayHasPassedOnTheSimulatorsClock() {
        Tpp.Reply created = tpp.createConsent("slow");
        assertThat(created.header("ASPSP-SCA-Approach")).isEqualTo("DECOUPLED");
        String scaStatus = created.href("scaStatus");

        assertThat(tpp.get(scaStatus).json().get("scaStatus").asText()).isEqualTo("started");
        clock.advance(Duration.ofMinutes(2));

        assertThat(tpp.get(scaStatus).json().get("scaStatus").asText()).isEqualTo("finalised");
        assertThat(tpp.get(created.href("status")).json().get("consentStatus").asText()).isEqualTo("valid");
    }

    @Test
    void decoupledRejectedFailsAndTimedOutNeverEnds() {
        Tpp.Reply rejected = tpp.createConsent("decoupled-rejected");
        Tpp.Reply never = tpp.createConsent("decoupled-timeout");
        clock.advance(Duration.ofHours(1));

        assertThat(tpp.get(rejected.href("scaStatus")).json().get("scaStatus").asText()).isEqualTo("failed");
        assertThat(tpp.get(rejected.href("status")).json().get("consentStatus").asText()).isEqualTo("rejected");
        assertThat(tpp.get(never.href("scaStatus")).json().get("scaStatus").asText()).isEqualTo("started");
    }

    @Test
    void decoupledWithoutPsuIdAsksForItWhenTheAuthorisationStarts() {
        Tpp.Reply created = tpp.createConsent(Tpp.allPsd2(), null, "TPP-Decoupled-Preferred", "true");
        String start = created.href("startAuthorisationWithPsuIdentification");
        assertThat(start).isNotNull();

        Tpp.Reply missing = tpp.send("POST", start, null);
        assertThat(missing.code()).isEqualTo("FORMAT_ERROR");
        Tpp.Reply started = tpp.send("POST", start, null, "PSU-ID", "decoupled");

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().get("scaStatus").asText()).isEqualTo("started");
        assertThat(started.json().get("psuMessage").asText()).isNotBlank();
    }
}
