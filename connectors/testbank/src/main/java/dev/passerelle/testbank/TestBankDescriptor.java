package dev.passerelle.testbank;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The identity Powens gives its sandbox connector (docs/protocol.md §9): same uuid, name, slug and
 * fields, so that integrator code and webview prefills written against Powens' sandbox work here.
 * Labels are Powens' (French) by default, and English for users who ask for it.
 */
final class TestBankDescriptor {

    static final UUID CONNECTOR_UUID = UUID.fromString("338178e6-3d01-564f-9a7b-52ca442459bf");
    static final String DIRECT_ACCESS = "directaccess";
    static final String OPEN_API = "openapi";
    static final String LOGIN = "login";
    static final String PASSWORD = "password";
    /** The password the field label announces: "Code (1234)". */
    static final String EXPECTED_PASSWORD = "1234";

    private TestBankDescriptor() {
    }

    /** The field whose value selects the scenario on {@code source}: {@code directaccesswebsite}, … */
    static String scenarioField(String source) {
        return source + "website";
    }

    static ConnectorDescriptor create() {
        Set<AuthMechanism> credentialsOnly = Set.of(AuthMechanism.CREDENTIALS);
        Set<AuthMechanism> both = Set.of(AuthMechanism.WEBAUTH, AuthMechanism.CREDENTIALS);
        List<SourceDescriptor> sources = List.of(
                SourceDescriptor.builder(401, DIRECT_ACCESS).priority(1)
                        .authMechanism(AuthMechanism.CREDENTIALS)
                        .capabilities(Capability.BANK, Capability.WEALTH, Capability.DOCUMENT, Capability.PROFILE)
                        .accountUsages(AccountUsage.PRIVATE, AccountUsage.ORGANISATION)
                        .build(),
                SourceDescriptor.builder(402, OPEN_API).priority(2)
                        .authMechanism(AuthMechanism.WEBAUTH, AuthMechanism.CREDENTIALS)
                        .capabilities(Capability.BANK, Capability.WEALTH)
                        .accountUsages(AccountUsage.PRIVATE, AccountUsage.ORGANISATION)
                        .build());
        List<FieldSpec> fields = List.of(
                new FieldSpec(LOGIN, "Identifiant", null, FieldType.TEXT, true, null, List.of(), List.of(),
                        credentialsOnly).withLabels(Map.of("fr", "Identifiant", "en", "Login")),
                new FieldSpec(PASSWORD, "Code (1234)", null, FieldType.PASSWORD, true, null, List.of(), List.of(),
                        credentialsOnly).withLabels(Map.of("fr", "Code (1234)", "en", "Passcode (1234)")),
                scenarioList(DIRECT_ACCESS, Set.of()),
                scenarioList(OPEN_API, both));
        List<SettingSpec> settings = new ArrayList<>(Timings.SETTINGS);
        settings.addAll(BankRedirect.SETTINGS);
        settings.addAll(InstitutionLatency.SETTINGS);
        return ConnectorDescriptor.builder(40, CONNECTOR_UUID, "Connecteur de test")
                .spiVersion(Spi.VERSION)
                .slug("EXA")
                .color("5c2963")
                .accountTypes(AccountType.CHECKING, AccountType.SAVINGS, AccountType.CARD, AccountType.LOAN,
                        AccountType.MARKET, AccountType.LIFEINSURANCE)
                .countries("fr")
                .monthsToFetch(6)
                .syncPeriodDays(1)
                .sources(sources)
                .fields(fields)
                .settings(settings)
                .build();
    }

    private static FieldSpec scenarioList(String source, Set<AuthMechanism> mechanisms) {
        List<FieldSpec.Choice> choices = Arrays.stream(Scenario.values())
                .filter(scenario -> scenario.availableOn(source))
                .map(scenario -> new FieldSpec.Choice(scenario.value(), scenario.label(), scenario.labels()))
                .toList();
        String label = "Cas d'usage (" + source + ")";
        return new FieldSpec(scenarioField(source), label, null, FieldType.LIST, false,
                null, choices, List.of(source), mechanisms)
                .withLabels(Map.of("fr", label, "en", "Scenario (" + source + ")"));
    }
}
