package dev.passerelle.berlingroup.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.RateLimit;
import dev.passerelle.connector.SourceDescriptor;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankDirectoryTest {

    private static final String UUID_A = "0b6a2f0e-5d1c-4a8e-9f2b-3c4d5e6f7a8b";

    @Test
    void aBankReadsWithEverySettingAndTheStandardsDefaults() {
        Aspsp bank = only(Map.of(
                "banks[0].name", "Musterbank",
                "banks[0].uuid", UUID_A,
                "banks[0].country", "DE",
                "banks[0].bic", "MUSTDEFFXXX",
                "banks[0].base-url", "https://xs2a.musterbank.example/psd2",
                "banks[0].sca-approaches[0]", "decoupled",
                "banks[0].sca-approaches[1]", "REDIRECT"));

        assertThat(bank.identity().name()).isEqualTo("Musterbank");
        assertThat(bank.identity().uuid()).isEqualTo(UUID.fromString(UUID_A));
        assertThat(bank.identity().country()).isEqualTo("de");
        assertThat(bank.identity().id()).isEqualTo(BankDirectory.derivedId(UUID.fromString(UUID_A)))
                .isBetween(BankDirectory.FIRST_DERIVED_ID, BankDirectory.FIRST_DERIVED_ID + BankDirectory.DERIVED_IDS);
        assertThat(bank.sca().approaches()).containsExactly(ScaApproach.DECOUPLED, ScaApproach.REDIRECT);
        assertThat(bank.consent().model()).isEqualTo(ConsentModel.DETAILED);
        assertThat(bank.consent().frequencyPerDay()).isEqualTo(4);
        assertThat(bank.consent().validity()).isEqualTo(Duration.ofDays(180));
        assertThat(bank.transport().baseUrl()).isEqualTo(URI.create("https://xs2a.musterbank.example/psd2"));
        assertThat(bank.transport().signing()).isFalse();
        assertThat(bank.transport().rateLimit()).isNull();
        assertThat(bank.data().zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(bank.data().cardAccounts()).isTrue();
    }

    @Test
    void keysReadAsSpringBindsThemFromYamlOrFromEnvironmentVariables() {
        Aspsp bank = only(Map.of(
                "banks.0.name", "Banco",
                "banks.0.uuid", UUID_A,
                "banks.0.country", "pt",
                "banks.0.baseurl", "https://api.banco.example",
                "banks.0.sca-approaches.0", "embedded",
                "banks.0.sca-approaches.1", "redirect",
                "banks.0.ratelimit", "600/min",
                "banks.0.consent-validity", "max",
                "banks.0.id", "4242"));

        assertThat(bank.identity().id()).isEqualTo(4242);
        assertThat(bank.sca().approaches()).containsExactly(ScaApproach.EMBEDDED, ScaApproach.REDIRECT);
        assertThat(bank.transport().rateLimit()).isEqualTo(new RateLimit(600, Duration.ofMinutes(1)));
        assertThat(bank.consent().validity()).isNull();
        assertThat(bank.data().zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsFullKey() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("banks[0].name", "Broken");
        config.put("banks[0].country", "Germany");
        config.put("banks[0].base-url", "ftp://nowhere");
        config.put("banks[0].sca-approaches", "redirect,telepathy,oauth");
        config.put("banks[0].signing", "yes");
        config.put("banks[0].frequency-per-day", "0");
        config.put("banks[0].rate-limit", "fast");
        config.put("banks[0].timeout", "0");

        assertThatThrownBy(() -> BankDirectory.parse(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BankDirectory.PREFIX + "banks[0].uuid is required")
                .hasMessageContaining("banks[0].country is not an ISO 3166-1 alpha-2 code")
                .hasMessageContaining("banks[0].base-url is not valid")
                .hasMessageContaining("unknown approach 'telepathy'")
                .hasMessageContaining("banks[0].oauth-client-id is required")
                .hasMessageContaining("banks[0].signing is neither true nor false")
                .hasMessageContaining("banks[0].frequency-per-day is not valid")
                .hasMessageContaining("banks[0].rate-limit is not valid")
                .hasMessageContaining("banks[0].timeout is not valid: must be positive");
    }

    @Test
    void twoBanksMayNotShareAUuidAndAliasesNeedAKeyStore() {
        Map<String, String> config = new LinkedHashMap<>(bankKeys(0, "A"));
        config.putAll(bankKeys(1, "B"));
        config.put("banks[1].qwac-alias", "qwac");

        assertThatThrownBy(() -> BankDirectory.parse(config))
                .hasMessageContaining("banks 'A' and 'B' share uuid " + UUID_A)
                .hasMessageContaining("certificates.keystore is required: bank 'B' names a certificate alias");
    }

    @Test
    void theSourcesAndFieldsFollowWhatTheBankOffers() {
        ConnectorDescriptor both = BankDescriptor.of(only(withApproaches("redirect,embedded")));
        ConnectorDescriptor embeddedOnly = BankDescriptor.of(only(withApproaches("embedded")));
        ConnectorDescriptor decoupledOnly = BankDescriptor.of(only(withApproaches("decoupled")));

        assertThat(both.sources()).extracting(SourceDescriptor::name)
                .containsExactly(BankDescriptor.OPEN_API, BankDescriptor.EMBEDDED);
        assertThat(both.source(BankDescriptor.OPEN_API).orElseThrow().authMechanism()).isEqualTo(AuthMechanism.WEBAUTH);
        assertThat(both.fieldsFor(BankDescriptor.EMBEDDED, AuthMechanism.CREDENTIALS)).extracting(FieldSpec::name)
                .containsExactly(BankDescriptor.LOGIN, BankDescriptor.PASSWORD);
        assertThat(both.fieldsFor(BankDescriptor.OPEN_API, AuthMechanism.WEBAUTH)).singleElement()
                .satisfies(field -> assertThat(field.required()).isFalse());
        assertThat(embeddedOnly.sources()).extracting(SourceDescriptor::name).containsExactly(BankDescriptor.EMBEDDED);
        assertThat(embeddedOnly.authMechanism()).isEqualTo(AuthMechanism.CREDENTIALS);
        assertThat(decoupledOnly.fieldsFor(BankDescriptor.OPEN_API, AuthMechanism.WEBAUTH)).singleElement()
                .satisfies(field -> assertThat(field.required()).isTrue());
        assertThat(both.code()).isEqualTo("MUSTDEFFXXX");
        assertThat(both.countries()).containsExactly("de");
    }

    @Test
    void aBankThatWantsThePsuIdOnRedirectsAsksForItAndItsLogoIsPublished() {
        Map<String, String> config = new LinkedHashMap<>(withApproaches("redirect"));
        config.put("banks[0].psu-id-on-redirect", "true");
        config.put("banks[0].logo-url", "https://cdn.example/musterbank.svg");

        ConnectorDescriptor descriptor = BankDescriptor.of(only(config));

        assertThat(descriptor.logoUrl()).contains(URI.create("https://cdn.example/musterbank.svg"));
        assertThat(descriptor.fieldsFor(BankDescriptor.OPEN_API, AuthMechanism.WEBAUTH)).singleElement()
                .satisfies(field -> assertThat(field.required()).isTrue());
    }

    private static Map<String, String> withApproaches(String approaches) {
        Map<String, String> config = new LinkedHashMap<>(bankKeys(0, "Musterbank"));
        config.put("banks[0].sca-approaches", approaches);
        return config;
    }

    private static Map<String, String> bankKeys(int index, String name) {
        String prefix = "banks[" + index + "].";
        return Map.of(prefix + "name", name, prefix + "uuid", UUID_A, prefix + "country", "DE",
                prefix + "bic", "MUSTDEFFXXX", prefix + "base-url", "https://xs2a.example",
                prefix + "sca-approaches", "redirect");
    }

    private static Aspsp only(Map<String, String> config) {
        List<Aspsp> banks = BankDirectory.parse(config).banks();
        assertThat(banks).hasSize(1);
        return banks.getFirst();
    }
}
