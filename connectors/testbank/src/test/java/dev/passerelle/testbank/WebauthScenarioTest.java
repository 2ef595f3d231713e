package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.NOW;
import static dev.passerelle.testbank.ContextBuilder.aContext;
import static dev.passerelle.testbank.Outcomes.as;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code openapi} source reached by web authentication at the sandbox bank (OAuth2 authorization code). */
class WebauthScenarioTest {

    private static final URI CALLBACK = URI.create("https://passerelle.example.test/2.0/webauth/callback");
    private static final String GRANTED = """
            {"access_token":"at-123","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-456","psu_id":"alice"}""";

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void startWithoutCredentialsThenRedirectToTheBankAuthorizationPage() {
        StepResult.Redirect redirect = as(StepResult.Redirect.class, connector.start(openapi("pro")
                .setting("bank-url", "https://bank.example.test/sandbox/bank").build()));

        assertThat(redirect.url().toString()).startsWith("https://bank.example.test/sandbox/bank/authorize?");
        assertThat(query(redirect.url())).containsEntry("response_type", "code")
                .containsEntry("client_id", "passerelle-testbank")
                .containsEntry("redirect_uri", CALLBACK.toString())
                .containsEntry("scenario", "pro")
                .containsKey("state");
    }

    @Test
    void startWithoutBankUrlThenTheBankServedByThisServer() {
        StepResult.Redirect redirect = as(StepResult.Redirect.class, connector.start(openapi("par")
                .setting("public-url", "https://passerelle.example.test/2.0").build()));

        assertThat(redirect.url().toString()).startsWith("https://passerelle.example.test/2.0/sandbox/bank/authorize?");
    }

    @Test
    void startWithoutCallbackUrlThenWebauthRequired() {
        StepResult result = connector.start(openapi("par").callback(null).build());

        assertThat(as(StepResult.WebauthRequired.class, result).message()).contains("/webauth-url");
    }

    @Test
    void callbackWithCodeThenCodeExchangedOverHttpWithClientCredentials() {
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            StepResult.Redirect redirect = redirect("par", bank);

            StepResult result = connector.resume(openapi("par").setting("bank-url", bank.bankUrl())
                    .session(redirect.session()).build(), Map.of("code", "code-789", "state", state(redirect)));

            assertThat(result).isInstanceOf(StepResult.Success.class);
            assertThat(bank.bodies()).singleElement().satisfies(body -> assertThat(form(body))
                    .containsEntry("grant_type", "authorization_code")
                    .containsEntry("code", "code-789")
                    .containsEntry("redirect_uri", CALLBACK.toString()));
            assertThat(bank.authorizations()).containsExactly("Basic " + Base64.getEncoder()
                    .encodeToString("passerelle-testbank:sandbox-secret".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void grantedThenAccountsAreThoseTheBankShowedForTheLogin() {
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            String session = granted("pro", bank);

            assertThat(connector.accounts(openapi("pro").session(session).build()).map(Account::externalId))
                    .containsExactlyElementsOf(SandboxCustomers.accounts("alice", "pro", NOW).stream()
                            .map(Account::externalId).toList());
        }
    }

    @Test
    void callbackWithAnotherStateThenWebauthRequiredAndTheBankIsNotCalled() {
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            StepResult.Redirect redirect = redirect("par", bank);

            StepResult result = connector.resume(openapi("par").setting("bank-url", bank.bankUrl())
                    .session(redirect.session()).build(), Map.of("code", "code-789", "state", "forged"));

            assertThat(result).isInstanceOf(StepResult.WebauthRequired.class);
            assertThat(bank.bodies()).isEmpty();
        }
    }

    @Test
    void accessDeniedAtTheBankThenWebauthRequiredWithTheReason() {
        StepResult.Redirect redirect = as(StepResult.Redirect.class, connector.start(openapi("par").build()));

        StepResult result = connector.resume(openapi("par").session(redirect.session()).build(),
                Map.of("error", "access_denied", "state", state(redirect)));

        assertThat(as(StepResult.WebauthRequired.class, result).message()).isEqualTo(BankRedirect.ACCESS_DENIED);
    }

    @Test
    void codeRefusedAsInvalidGrantThenWebauthRequired() {
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"code already used\"}")) {
            StepResult.Redirect redirect = redirect("par", bank);

            StepResult result = connector.resume(openapi("par").setting("bank-url", bank.bankUrl())
                    .session(redirect.session()).build(), Map.of("code", "used", "state", state(redirect)));

            assertThat(result).isInstanceOf(StepResult.WebauthRequired.class);
        }
    }

    @Test
    void bankUnreachableThenWebsiteUnavailable() {
        String closedBank;
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            closedBank = bank.bankUrl();
        }
        StepResult.Redirect redirect = as(StepResult.Redirect.class, connector.start(openapi("par").build()));

        StepResult result = connector.resume(openapi("par").setting("bank-url", closedBank)
                .session(redirect.session()).build(), Map.of("code", "c", "state", state(redirect)));

        assertThat(failure(result).reason()).isEqualTo(FailureReason.WEBSITE_UNAVAILABLE);
    }

    @Test
    void webauthRequiredScenarioWhenSyncedAfterGrantThenConsentRenewalRequired() {
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            String session = granted("webauthRequired", bank);

            StepResult result = connector.sync(openapi("webauthRequired").session(session).userAbsent().build());

            assertThat(as(StepResult.WebauthRequired.class, result).message()).isEqualTo("Consent renewal required");
        }
    }

    @Test
    void parScenarioWhenSyncedAfterGrantThenSuccessStillAsTheBankCustomer() {
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            String session = granted("par", bank);

            StepResult synced = connector.sync(openapi("par").session(session).userAbsent().build());

            assertThat(synced).isInstanceOf(StepResult.Success.class);
            assertThat(connector.accounts(openapi("par").session(synced.session()).build()).map(Account::externalId))
                    .containsExactlyElementsOf(SandboxCustomers.accounts("alice", "par", NOW).stream()
                            .map(Account::externalId).toList());
        }
    }

    @Test
    void syncBeforeAnyGrantThenWebauthRequired() {
        assertThat(connector.sync(openapi("par").build())).isInstanceOf(StepResult.WebauthRequired.class);
    }

    @Test
    void grantedSessionNeverPrintsItsTokens() {
        try (FakeBankTokenEndpoint bank = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            String session = granted("par", bank);

            assertThat(BankAuthorization.from(session).orElseThrow().toString()).doesNotContain("at-123", "rt-456");
        }
    }

    private StepResult.Redirect redirect(String scenario, FakeBankTokenEndpoint bank) {
        return as(StepResult.Redirect.class, connector.start(openapi(scenario).setting("bank-url", bank.bankUrl()).build()));
    }

    private String granted(String scenario, FakeBankTokenEndpoint bank) {
        StepResult.Redirect redirect = redirect(scenario, bank);
        StepResult result = connector.resume(openapi(scenario).setting("bank-url", bank.bankUrl())
                .session(redirect.session()).build(), Map.of("code", "code-789", "state", state(redirect)));
        return as(StepResult.Success.class, result).session();
    }

    private static ContextBuilder openapi(String scenario) {
        return aContext().source("openapi").scenario(scenario).withoutCredentials().callback(CALLBACK);
    }

    private static String state(StepResult.Redirect redirect) {
        return query(redirect.url()).get("state");
    }

    private static Map<String, String> query(URI url) {
        return form(url.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }
}
