package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.StepResult;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.RecordedRequest;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class OAuthScaTest {

    @AutoClose
    SimulatedBank bank = SimulatedBank.start(options -> options.accessTokenLifetime(Duration.ofMinutes(10)), Map.of());

    @Test
    void theUserAuthorisesOnTheBanksOAuthServerWithPkceAndDataCallsCarryTheToken() {
        Dialogue dialogue = bank.webauth("oauth");

        StepResult redirect = dialogue.start();

        URI authorize = ((StepResult.Redirect) redirect).url();
        assertThat(authorize.getPath()).endsWith("/oauth/authorize");
        assertThat(authorize.getQuery())
                .contains("response_type=code", "code_challenge_method=S256", "client_id=" + SimulatedBank.CLIENT_ID,
                        "state=" + dialogue.interaction().orElseThrow().id(),
                        "redirect_uri=" + dialogue.interaction().orElseThrow().registeredCallbackUrl());

        assertThat(dialogue.followRedirect(bank.accepting("oauth"))).isInstanceOf(StepResult.Success.class);
        assertThat(dialogue.accounts()).isNotEmpty();
        assertThat(bank.simulator.lastRequest(Endpoint.ACCOUNTS).orElseThrow().header("authorization"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer "));
        assertThat(dialogue.session().orElseThrow()).doesNotContain("code_verifier");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheNextCall() {
        Dialogue dialogue = bank.webauth("oauth");
        dialogue.start();
        dialogue.followRedirect(bank.accepting("oauth"));
        String firstToken = bank.simulator.lastRequest(Endpoint.GET_CONSENT).orElseThrow().header("authorization")
                .orElseThrow();

        bank.advance(Duration.ofMinutes(11));

        assertThat(dialogue.accounts()).isNotEmpty();
        assertThat(bank.simulator.requests(Endpoint.OAUTH_TOKEN)).extracting(RecordedRequest::body)
                .anyMatch(body -> body.contains("grant_type=refresh_token"));
        assertThat(bank.simulator.lastRequest(Endpoint.ACCOUNTS).orElseThrow().header("authorization").orElseThrow())
                .isNotEqualTo(firstToken);
    }

    @Test
    void aDenialOnTheAuthorizePageLeavesTheSourceWaitingForAWebAuthentication() {
        Dialogue dialogue = bank.webauth("oauth");
        dialogue.start();

        assertThat(dialogue.followRedirect(bank.denying("oauth"))).isInstanceOf(StepResult.WebauthRequired.class);
    }
}
