package dev.passerelle.server.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.crypto.Secrets;
import dev.passerelle.server.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ClientApplicationsTest {

    @Autowired
    ClientApplications clients;
    @Autowired
    JdbcClient jdbc;

    private TestClient client;

    @BeforeEach
    void setUp() {
        client = TestClient.registerIn(clients);
    }

    @Test
    void authenticateAnswersTheClientIdForTheRightSecret() {
        assertThat(clients.authenticate(Long.toString(client.id()), client.secret())).isEqualTo(client.id());
    }

    @Test
    void authenticateIgnoresTheTrailingNewlineCurlSendsFromASecretFile() {
        assertThat(clients.authenticate(Long.toString(client.id()), client.secret() + "\n")).isEqualTo(client.id());
    }

    @Test
    void authenticateWithWrongSecretIsUnauthorized() {
        assertThatThrownBy(() -> clients.authenticate(Long.toString(client.id()), "wrong"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.UNAUTHORIZED);
                    assertThat(e.description()).isEqualTo("Unknown client or wrong secret");
                });
    }

    @Test
    void onlyASaltedBcryptHashOfTheSecretIsStored() {
        String stored = storedHash();
        clients.register(client.id(), "Same secret again", client.secret(), List.of());

        assertThat(stored).startsWith("$2b$").doesNotContain(client.secret()).isNotEqualTo(Secrets.sha256(client.secret()));
        assertThat(storedHash()).as("salted: the same secret hashes anew").startsWith("$2b$").isNotEqualTo(stored);
    }

    @Test
    void aSha256HashOfAnEarlierVersionStillVerifiesAndIsReplacedByBcryptAtItsFirstUse() {
        jdbc.sql("UPDATE client_application SET secret_hash = :legacy WHERE id = :id")
                .param("legacy", Secrets.sha256(client.secret())).param("id", client.id()).update();
        assertThatThrownBy(() -> clients.authenticate(Long.toString(client.id()), "wrong"))
                .isInstanceOf(ApiException.class);
        assertThat(storedHash()).as("a wrong secret upgrades nothing").isEqualTo(Secrets.sha256(client.secret()));

        assertThat(clients.authenticate(Long.toString(client.id()), client.secret())).isEqualTo(client.id());

        assertThat(storedHash()).startsWith("$2b$");
        assertThat(clients.authenticate(Long.toString(client.id()), client.secret())).isEqualTo(client.id());
    }

    private String storedHash() {
        return jdbc.sql("SELECT secret_hash FROM client_application WHERE id = :id")
                .param("id", client.id()).query(String.class).single();
    }

    @Test
    void registeringAgainReplacesTheSecret() {
        clients.register(client.id(), "Renamed", "new-secret", List.of());

        assertThat(clients.authenticate(Long.toString(client.id()), "new-secret")).isEqualTo(client.id());
        assertThatThrownBy(() -> clients.authenticate(Long.toString(client.id()), client.secret()))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void redirectUrisListsTheWhitelist() {
        clients.register(client.id(), "Two URIs", client.secret(), List.of("https://a.example/cb", "https://b.example/cb"));

        assertThat(clients.redirectUris(client.id())).containsExactly("https://a.example/cb", "https://b.example/cb");
    }

    @Test
    void whitelistedRedirectUriMatchesExactly() {
        assertThat(clients.isWhitelisted(client.id(), TestClient.REDIRECT_URI)).isTrue();
        assertThat(clients.isWhitelisted(client.id(), TestClient.REDIRECT_URI + "/")).isFalse();
        assertThat(clients.isWhitelisted(client.id(), "https://APP.example.test/callback")).isFalse();
    }

    @Test
    void redirectUriWithQueryStringIsNeverWhitelisted() {
        clients.register(client.id(), "Query", client.secret(), List.of("https://a.example/cb?x=1"));

        assertThat(clients.isWhitelisted(client.id(), "https://a.example/cb?x=1")).isFalse();
    }

    @Test
    void unknownClientHasNoWhitelistedUri() {
        assertThat(clients.isWhitelisted(client.id() + 1, TestClient.REDIRECT_URI)).isFalse();
    }
}
