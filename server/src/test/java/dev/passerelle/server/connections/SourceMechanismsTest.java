package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.testbank.TestBankConnector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the server tells a connector the way a source was added, for rows recorded before it said. */
class SourceMechanismsTest {

    private final ConnectorDescriptor testBank = new TestBankConnector().descriptor();

    @Test
    void aRecordedMechanismIsTheOne() {
        assertThat(SourceMechanisms.resolve(AuthMechanism.WEBAUTH, testBank, "openapi", Map.of("login", "l")))
                .isEqualTo(AuthMechanism.WEBAUTH);
    }

    @Test
    void anOlderRowWithStoredCredentialsWasAddedWithThem() {
        assertThat(SourceMechanisms.resolve(null, testBank, "openapi", Map.of("login", "l", "password", "1234")))
                .isEqualTo(AuthMechanism.CREDENTIALS);
    }

    @Test
    void anOlderRowWithOnlyTheScenarioTakesTheSourcesDefault() {
        assertThat(SourceMechanisms.resolve(null, testBank, "openapi", Map.of("openapiwebsite", "par")))
                .isEqualTo(AuthMechanism.WEBAUTH);
        assertThat(SourceMechanisms.resolve(null, testBank, "directaccess", Map.of()))
                .isEqualTo(AuthMechanism.CREDENTIALS);
    }
}
