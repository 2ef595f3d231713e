package dev.passerelle.berlingroup.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.BankDirectory;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    private static Aspsp bank(String baseUrl) {
        return BankDirectory.parse(Map.of("banks[0].name", "Bank", "banks[0].uuid", "0b6a2f0e-5d1c-4a8e-9f2b-3c4d5e6f7a8b",
                "banks[0].country", "DE", "banks[0].base-url", baseUrl, "banks[0].sca-approaches", "redirect"))
                .banks().getFirst();
    }
}
