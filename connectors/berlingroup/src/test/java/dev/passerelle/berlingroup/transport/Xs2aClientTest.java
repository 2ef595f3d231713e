package dev.passerelle.berlingroup.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.BankDirectory;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Xs2aClientTest {

    private final Xs2aClient client = new Xs2aClient(bank("https://api.bank.example/psd2"), TppCredentials.none());

    @Test
    void linksResolveOnTheApisBasePathWhetherTheBankWritesItOrNot() {
        assertThat(client.api("/v1/consents")).isEqualTo(URI.create("https://api.bank.example/psd2/v1/consents"));
        assertThat(client.api("/psd2/v1/consents/c1/status"))
                .isEqualTo(URI.create("https://api.bank.example/psd2/v1/consents/c1/status"));
        assertThat(client.api("https://api.bank.example/psd2/v1/accounts?page=2"))
                .isEqualTo(URI.create("https://api.bank.example/psd2/v1/accounts?page=2"));
    }

    @Test
    void aLinkToAnotherHostIsNotFollowed() {
        assertThatThrownBy(() -> client.api("https://elsewhere.example/v1/accounts"))
                .isInstanceOfSatisfying(BankError.class, error -> {
                    assertThat(error.isUnusable()).isTrue();
                    assertThat(error.describe()).contains("elsewhere.example");
                });
        assertThatThrownBy(() -> client.api("http://api.bank.example/psd2/v1/accounts"))
                .isInstanceOf(BankError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[broken/x y", "mailto:ops@bank.example", "https://user:pw@api.bank.example/psd2/v1/accounts"})
    void aLinkThatIsNoUrlOrCarriesCredentialsIsNotFollowed(String link) {
        assertThatThrownBy(() -> client.api(link)).isInstanceOfSatisfying(BankError.class, error ->
                assertThat(error.isUnusable()).isTrue());
    }

    @Test
    void aPageForTheBrowserOrTheOAuthServerMayBeOnAnotherHostButOnlyOverHttps() {
        assertThat(client.elsewhere("scaRedirect", "https://login.bank.example/sca?id=1"))
                .isEqualTo(URI.create("https://login.bank.example/sca?id=1"));
        assertThat(client.elsewhere("scaRedirect", "/sca/1")).isEqualTo(URI.create("https://api.bank.example/sca/1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD4=", "ftp://login.bank.example/sca", "http://login.bank.example/sca",
            "https://user:pw@login.bank.example/sca", "https:///sca", "intent://sca#Intent;scheme=bank;end"})
    void noOtherUrlIsEverHandedToTheBrowserOrFetched(String link) {
        assertThatThrownBy(() -> client.elsewhere("scaRedirect", link)).isInstanceOfSatisfying(BankError.class, error -> {
            assertThat(error.isUnusable()).isTrue();
            assertThat(error.call()).isEqualTo("scaRedirect");
        });
    }

    @Test
    void plainHttpPagesOnlyForABankWhoseApiIsPlainHttpALocalTest() {
        Xs2aClient local = new Xs2aClient(bank("http://localhost:8080"), TppCredentials.none());

        assertThat(local.elsewhere("scaRedirect", "http://localhost:8080/sca")).hasScheme("http");
    }

    @ParameterizedTest
    @CsvSource({"120, PT2M", "86400, PT24H", "315360000, PT24H", "99999999999999999999999, PT24H",
            "'Fri, 31 Dec 2100 23:59:59 GMT', PT24H", "-5, ", "soon, "})
    void retryAfterIsTakenUpToADayAndAValueThatIsNoneIsNoHint(String header, Duration expected) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of(header)), (name, value) -> true);

        assertThat(Xs2aClient.retryAfter(headers, Clock.fixed(Instant.parse("2025-03-14T09:30:00Z"), ZoneOffset.UTC)))
                .isEqualTo(expected);
    }

    private static Aspsp bank(String baseUrl) {
        return BankDirectory.parse(Map.of("banks[0].name", "Bank", "banks[0].uuid", "0b6a2f0e-5d1c-4a8e-9f2b-3c4d5e6f7a8b",
                "banks[0].country", "DE", "banks[0].base-url", baseUrl, "banks[0].sca-approaches", "redirect"))
                .banks().getFirst();
    }
}
