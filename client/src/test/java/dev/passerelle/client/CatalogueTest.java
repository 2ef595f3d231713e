package dev.passerelle.client;

import static dev.passerelle.client.support.PasserelleServer.TEST_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import dev.passerelle.client.model.Connector;
import dev.passerelle.client.model.ConnectorField;
import dev.passerelle.client.model.ConnectorSource;
import dev.passerelle.client.support.Integrators;
import org.junit.jupiter.api.Test;

/** What needs no user: connectors, banks, providers, account types, the published keys. */
class CatalogueTest {

    private final Passerelle api = new Integrators().anonymous();

    @Test
    void connectorsListTheTestConnectorWithSourcesAndFieldsWhenExpanded() {
        Connector connector = api.connectors().list("sources", "fields").stream()
                .filter(c -> c.uuid().equals(TEST_CONNECTOR)).findFirst().orElseThrow();

        assertThat(connector.id()).isEqualTo(40);
        assertThat(connector.name()).isEqualTo("Connecteur de test");
        assertThat(connector.sources()).extracting(ConnectorSource::name).containsExactly("directaccess", "openapi");
        assertThat(connector.sources().get(1).webauth()).isTrue();
        assertThat(connector.fieldsFor("directaccess")).extracting(ConnectorField::name)
                .contains("login", "password", "directaccesswebsite");
        assertThat(connector.fieldsFor("directaccess")).filteredOn(ConnectorField::secret)
                .extracting(ConnectorField::name).containsExactly("password");
        assertThat(api.connectors().list().getFirst().sources()).isNull();
    }

    @Test
    void oneConnectorByUuidOrIdWithItsFieldsAndSources() {
        assertThat(api.connectors().get(TEST_CONNECTOR.toString()).id()).isEqualTo(40);
        assertThat(api.connectors().get("40", "countries").countries()).isNotEmpty();
        assertThat(api.connectors().fields("40")).filteredOn(f -> f.name().equals("directaccesswebsite"))
                .singleElement().satisfies(f -> assertThat(f.values()).isNotEmpty());
        assertThat(api.connectors().sources("40")).hasSize(2);
        assertThat(api.connectors().source("40", "openapi").id()).isEqualTo(402);
    }

    @Test
    void banksAndProvidersAreConnectorsByCapability() {
        assertThat(api.connectors().banks()).extracting(Connector::uuid).contains(TEST_CONNECTOR);
        assertThat(api.connectors().providers()).extracting(Connector::uuid).contains(TEST_CONNECTOR);
    }

    @Test
    void unknownConnectorIsNotFound() {
        assertThatThrownBy(() -> api.connectors().get("999999"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("notFound"));
    }

    @Test
    void accountTypesAreTheFixedCatalogue() {
        assertThat(api.accountTypes()).hasSizeGreaterThan(20);
        assertThat(api.accountType(2).name()).isEqualTo("checking");
    }

    @Test
    void publishedKeyIsAnRsaEncryptionKeyAlsoInTheKeySet() {
        RSAKey key = api.publicKey();

        assertThat(key.getKeyID()).isNotBlank();
        assertThat(key.isPrivate()).isFalse();
        assertThat(api.jwks().getKeyByKeyId(key.getKeyID())).isNotNull();
    }
}
