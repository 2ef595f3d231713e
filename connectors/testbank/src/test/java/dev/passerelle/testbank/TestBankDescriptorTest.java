package dev.passerelle.testbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestBankDescriptorTest {

    private static final List<String> DIRECTACCESS_VALUES = List.of("par", "pro", "wrongpass",
            "additionalInformationNeeded", "doubleotp", "shortDecoupled", "longDecoupled", "AppValidationCancelled",
            "AppValidationExpired", "actionNeeded", "passwordExpired", "websiteUnavailable", "rateLimiting", "bug",
            "notSupported", "SCARequired", "SCARequiredAndOTP", "SCARequiredAndDecoupled");

    private final ConnectorDescriptor descriptor = new TestBankConnector().descriptor();

    @Test
    void serviceLoaderFindsTheConnecteurDeTest() {
        List<ConnectorDescriptor> found = ServiceLoader.load(Connector.class).stream()
                .map(provider -> provider.get().descriptor()).toList();

        assertThat(found).extracting(ConnectorDescriptor::uuid)
                .contains(UUID.fromString("338178e6-3d01-564f-9a7b-52ca442459bf"));
    }

    @Test
    void descriptorCarriesPowensSandboxIdentity() {
        assertThat(descriptor.id()).isEqualTo(40);
        assertThat(descriptor.name()).isEqualTo("Connecteur de test");
        assertThat(descriptor.slug()).isEqualTo("EXA");
        assertThat(descriptor.color()).isEqualTo("5c2963");
        assertThat(descriptor.code()).isNull();
        assertThat(descriptor.capabilities()).containsExactly("bank", "bankwealth", "document", "profile");
        assertThat(descriptor.countries()).containsExactly("fr");
    }

    @Test
    void directaccessComesFirstWithCredentialsAndOpenapiSecondWithWebauth() {
        assertThat(descriptor.sources()).extracting(s -> s.name() + "/" + s.id() + "/" + s.authMechanism())
                .containsExactly("directaccess/401/CREDENTIALS", "openapi/402/WEBAUTH");
        assertThat(descriptor.source("openapi").orElseThrow().availableAuthMechanisms())
                .containsExactlyInAnyOrder(AuthMechanism.WEBAUTH, AuthMechanism.CREDENTIALS);
    }

    @Test
    void onlyOpenapiNeedsTheSandboxBankTheServerServesAndOnlyWithoutABankUrl() {
        assertThat(TestBankConnector.needsServedSandboxBank("openapi", Map.of("public-url", "http://h/2.0"))).isTrue();
        assertThat(TestBankConnector.needsServedSandboxBank("openapi", Map.of("bank-url", "https://bank.example/psd2")))
                .isFalse();
        assertThat(TestBankConnector.needsServedSandboxBank("directaccess", Map.of())).isFalse();
    }

    @Test
    void passwordFieldAnnouncesTheCode1234() {
        FieldSpec password = field("password");

        assertThat(password.type()).isEqualTo(FieldType.PASSWORD);
        assertThat(password.label()).isEqualTo("Code (1234)");
        assertThat(password.required()).isTrue();
    }

    @Test
    void directaccessScenarioListOffersPowensValuesInOrder() {
        assertThat(field("directaccesswebsite").values()).extracting(FieldSpec.Choice::value)
                .containsExactlyElementsOf(DIRECTACCESS_VALUES);
    }

    @Test
    void onlyTheOpenapiScenarioListOffersWebauthRequired() {
        assertThat(field("openapiwebsite").values()).extracting(FieldSpec.Choice::value)
                .endsWith("webauthRequired").hasSize(DIRECTACCESS_VALUES.size() + 1);
    }

    @Test
    void scenarioListsAreOptionalAndLabelled() {
        FieldSpec list = field("directaccesswebsite");

        assertThat(list.required()).isFalse();
        assertThat(list.label()).isEqualTo("Cas d'usage (directaccess)");
        assertThat(list.values()).contains(new FieldSpec.Choice("doubleotp", "Double OTP"),
                new FieldSpec.Choice("notSupported", "Website not supported"));
    }

    @Test
    void webauthOnOpenapiAsksOnlyTheScenario() {
        assertThat(descriptor.fieldsFor("openapi", AuthMechanism.WEBAUTH)).extracting(FieldSpec::name)
                .containsExactly("openapiwebsite");
    }

    private FieldSpec field(String name) {
        return descriptor.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
