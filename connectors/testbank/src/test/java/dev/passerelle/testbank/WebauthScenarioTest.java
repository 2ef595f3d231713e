package dev.passerelle.testbank;

import static dev.passerelle.testbank.Bank.NOW;
import static dev.passerelle.testbank.Outcomes.as;
import static dev.passerelle.testbank.Outcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.Called;
import dev.passerelle.testkit.Cassette;
import dev.passerelle.testkit.Dialogue;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code openapi} source reached by web authentication at the sandbox bank (OAuth2 authorization code). */
class WebauthScenarioTest {

    private static final String GRANTED = """
            {"access_token":"at-123","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-456","psu_id":"alice"}""";

    @Test
    void startThenRedirectToTheBankAuthorizationPageWithTheServerMintedInteractionAsState() {
        Dialogue bank = Bank.webauth("pro").setting("bank-url", "https://bank.example.test/sandbox/bank").build();

        StepResult.Redirect redirect = as(StepResult.Redirect.class, bank.start());

        Interaction interaction = bank.interaction().orElseThrow();
        assertThat(redirect.url().toString()).startsWith("https://bank.example.test/sandbox/bank/authorize?");
        assertThat(query(redirect.url())).containsEntry("response_type", "code")
                .containsEntry("client_id", "passerelle-testbank")
                .containsEntry("redirect_uri", interaction.registeredCallbackUrl().toString())
                .containsEntry("scenario", "pro")
                .containsEntry("state", interaction.id());
    }

    @Test
    void startWithoutBankUrlThenTheBankServedByThisServer() {
        StepResult.Redirect redirect = as(StepResult.Redirect.class, Bank.webauth("par")
                .setting("public-url", "https://passerelle.example.test/2.0").build().start());

        assertThat(redirect.url().toString()).startsWith("https://passerelle.example.test/2.0/sandbox/bank/authorize?");
    }

    @Test
    void aCallThatCannotRedirectThenWebauthRequired() {
        Called<StepResult> called = Bank.webauth("par").build()
                .call(true, ctx -> new TestBankConnector().start(ctx));

        assertThat(as(StepResult.WebauthRequired.class, ((Called.Returned<StepResult>) called).value()).message())
                .contains("/webauth-url");
    }

    @Test
    void callbackWithCodeThenCodeExchangedOverHttpWithClientCredentials() {
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            Dialogue bank = redirected("par", tokens.bankUrl());

            StepResult result = bank.returnFromInstitution(registered(bank, "code=code-789&state=" + state(bank)));

            assertThat(result).isInstanceOf(StepResult.Success.class);
            assertThat(tokens.bodies()).singleElement().satisfies(body -> assertThat(form(body))
                    .containsEntry("grant_type", "authorization_code")
                    .containsEntry("code", "code-789")
                    .containsEntry("redirect_uri", bank.interaction().orElseThrow().registeredCallbackUrl().toString()));
            assertThat(tokens.authorizations()).containsExactly("Basic " + Base64.getEncoder()
                    .encodeToString("passerelle-testbank:sandbox-secret".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void grantedThenAccountsAreThoseTheBankShowedForTheLogin() {
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            Dialogue bank = granted("pro", tokens.bankUrl());

            assertThat(bank.accounts()).extracting(Account::externalId)
                    .containsExactlyElementsOf(SandboxCustomers.accounts("alice", "pro", NOW).stream()
                            .map(Account::externalId).toList());
        }
    }

    @Test
    void returnWithAnotherStateThenWebauthRequiredAndTheBankIsNotCalled() {
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            Dialogue bank = redirected("par", tokens.bankUrl());
            URI success = bank.interaction().orElseThrow().callbackUrl();

            StepResult result = bank.returnFromInstitution(URI.create(success + "?code=code-789&state=forged"));

            assertThat(result).isInstanceOf(StepResult.WebauthRequired.class);
            assertThat(tokens.bodies()).isEmpty();
        }
    }

    @Test
    void accessDeniedAtTheBankThenWebauthRequiredWithTheReason() {
        Dialogue bank = redirected("par", "https://bank.example.test");

        StepResult result = bank.returnFromInstitution(registered(bank, "error=access_denied&state=" + state(bank)));

        assertThat(as(StepResult.WebauthRequired.class, result).message()).isEqualTo(BankRedirect.ACCESS_DENIED);
    }

    @Test
    void returnToTheRefusalUrlThenWebauthRequiredWithTheReason() {
        Dialogue bank = redirected("par", "https://bank.example.test");
        URI refused = bank.interaction().orElseThrow().refusalUrl();

        StepResult result = bank.returnFromInstitution(URI.create(refused + "?state=" + state(bank)));

        assertThat(as(StepResult.WebauthRequired.class, result).message()).isEqualTo(BankRedirect.ACCESS_DENIED);
    }

    @Test
    void codeRefusedAsInvalidGrantThenWebauthRequired() {
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"code already used\"}")) {
            Dialogue bank = redirected("par", tokens.bankUrl());

            assertThat(bank.returnFromInstitution(registered(bank, "code=used&state=" + state(bank))))
                    .isInstanceOf(StepResult.WebauthRequired.class);
        }
    }

    @Test
    void bankUnreachableThenWebsiteUnavailable() {
        String closedBank;
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            closedBank = tokens.bankUrl();
        }
        Dialogue bank = redirected("par", closedBank);

        StepResult result = bank.returnFromInstitution(registered(bank, "code=c&state=" + state(bank)));

        assertThat(failure(result).reason()).isEqualTo(FailureReason.WEBSITE_UNAVAILABLE);
    }

    @Test
    void webauthRequiredScenarioWhenSyncedAfterGrantThenConsentRenewalRequired() {
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            Dialogue bank = granted("webauthRequired", tokens.bankUrl());

            assertThat(as(StepResult.WebauthRequired.class, bank.sync(false)).message())
                    .isEqualTo("Consent renewal required");
        }
    }

    @Test
    void parScenarioWhenSyncedAfterGrantThenSuccessStillAsTheBankCustomer() {
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            Dialogue bank = granted("par", tokens.bankUrl());

            assertThat(bank.sync(false)).isInstanceOf(StepResult.Success.class);
            assertThat(bank.accounts()).extracting(Account::externalId)
                    .containsExactlyElementsOf(SandboxCustomers.accounts("alice", "par", NOW).stream()
                            .map(Account::externalId).toList());
        }
    }

    @Test
    void syncBeforeAnyGrantThenWebauthRequired() {
        assertThat(Bank.webauth("par").build().sync(true)).isInstanceOf(StepResult.WebauthRequired.class);
    }

    @Test
    void grantedSessionNeverPrintsItsTokens() {
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED)) {
            String session = granted("par", tokens.bankUrl()).session().orElseThrow();

            assertThat(BankAuthorization.from(session).orElseThrow().toString()).doesNotContain("at-123", "rt-456");
        }
    }

    @Test
    void theTokenExchangeRecordedOnceReplaysWithoutTheBank(@TempDir Path dir) {
        Path tape = dir.resolve("token-exchange.json");
        String bankUrl;
        try (FakeBankTokenEndpoint tokens = FakeBankTokenEndpoint.answering(200, GRANTED);
             Cassette recording = Cassette.at(tape).masking("sandbox-secret")) {
            bankUrl = tokens.bankUrl();
            Dialogue bank = Bank.webauth("par").setting("bank-url", bankUrl)
                    .http(recording.recording(dev.passerelle.connector.InstitutionHttp.plain())).build();
            bank.start();
            bank.returnFromInstitution(registered(bank, "code=code-789&state=" + state(bank)));
        }

        try (Cassette replay = Cassette.at(tape)) {
            Dialogue bank = Bank.webauth("par").setting("bank-url", bankUrl).http(replay.replaying()).build();
            bank.start();

            assertThat(bank.returnFromInstitution(registered(bank, "code=code-789&state=" + state(bank))))
                    .isInstanceOf(StepResult.Success.class);
            assertThat(replay.exchanges()).singleElement().satisfies(exchange -> {
                assertThat(exchange.requestHeaders().get("Authorization")).containsExactly("****");
                assertThat(exchange.responseBody()).contains("at-123");
            });
        }
    }

    private static Dialogue redirected(String scenario, String bankUrl) {
        Dialogue bank = Bank.webauth(scenario).setting("bank-url", bankUrl).build();
        as(StepResult.Redirect.class, bank.start());
        return bank;
    }

    private static Dialogue granted(String scenario, String bankUrl) {
        Dialogue bank = redirected(scenario, bankUrl);
        as(StepResult.Success.class, bank.returnFromInstitution(registered(bank, "code=code-789&state=" + state(bank))));
        return bank;
    }

    /** The server's fixed callback with {@code query}, where the sandbox bank sends the browser back. */
    private static URI registered(Dialogue bank, String query) {
        return URI.create(bank.interaction().orElseThrow().registeredCallbackUrl() + "?" + query);
    }

    private static String state(Dialogue bank) {
        return URLEncoder.encode(bank.interaction().orElseThrow().id(), StandardCharsets.UTF_8);
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
