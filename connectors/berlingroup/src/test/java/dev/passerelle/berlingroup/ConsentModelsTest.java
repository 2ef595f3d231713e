package dev.passerelle.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.Called;
import dev.passerelle.testkit.DataCallStopped;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.ConsentView;
import dev.passerelle.xs2a.simulator.consent.AccessRequest;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentModelsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Brussels");

    @Test
    void theDetailedModelListsTheAccountsThenAsksADedicatedConsentForThoseTheUserActivated() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of("consent-model", "detailed"))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();

            StepResult listed = dialogue.followRedirect(bank.accepting("redirect"));

            ConsentView listing = bank.simulator.consents().getFirst();
            assertThat(listing.accessKind()).isEqualTo(AccessRequest.Kind.AVAILABLE_ACCOUNTS);
            assertThat(listing.recurring()).isFalse();
            assertThat(((StepResult.Success) listed).consent().frequencyPerDay()).isEqualTo(1);
            List<Account> accounts = dialogue.accounts();
            assertThat(accounts).hasSize(4).allSatisfy(account -> assertThat(account.balance()).isNotNull());
            Account checking = accounts.stream().filter(a -> a.type() == AccountType.CHECKING).findFirst().orElseThrow();
            Account card = accounts.stream().filter(a -> a.type() == AccountType.CARD).findFirst().orElseThrow();

            dialogue.activate(checking, card);
            StepResult asked = dialogue.accountsActivated();

            assertThat(asked).isInstanceOf(StepResult.Redirect.class);
            StepResult granted = dialogue.followRedirect(bank.accepting("redirect"));
            assertThat(((StepResult.Success) granted).consent().accountScope())
                    .containsExactlyInAnyOrder(checking.externalId(), card.externalId());
            ConsentView dedicated = bank.simulator.consents().stream()
                    .filter(consent -> !consent.consentId().equals(listing.consentId())).findFirst().orElseThrow();
            assertThat(dedicated.accessKind()).isEqualTo(AccessRequest.Kind.DEDICATED);
            assertThat(dedicated.transactions()).hasSize(2);
            assertThat(bank.simulator.consent(listing.consentId()).orElseThrow().status())
                    .isEqualTo(ConsentStatus.TERMINATED_BY_TPP);

            assertThat(dialogue.accounts()).extracting(Account::externalId)
                    .containsExactlyInAnyOrderElementsOf(accounts.stream().map(Account::externalId).toList());
            assertThat(dialogue.transactions(checking, LocalDate.parse("2025-03-01"))).isNotEmpty();
            Account savings = accounts.stream().filter(a -> a.type() == AccountType.SAVINGS).findFirst().orElseThrow();
            dialogue.activate(savings);
            assertThatThrownBy(() -> dialogue.transactions(savings, LocalDate.parse("2025-03-01")))
                    .isInstanceOfSatisfying(DataCallStopped.class, stopped ->
                            assertThat(stopped.outcome()).isInstanceOf(StepResult.ScaRequired.class));
        }
    }

    @Test
    void accountsActivatedWhileTheUserIsAwayAreAskedForAtTheNextAuthentication() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of("consent-model", "detailed"))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();
            dialogue.followRedirect(bank.accepting("redirect"));
            Account checking = dialogue.accounts().getFirst();
            dialogue.activate(checking);

            Called<StepResult> away = dialogue.call(false, ctx -> ((ConsentCapability) dialogue.connector())
                    .accountsActivated(ctx, List.of(checking)));

            assertThat(((Called.Returned<StepResult>) away).value()).isInstanceOf(StepResult.ScaRequired.class);
            assertThat(dialogue.sync(false)).isInstanceOf(StepResult.ScaRequired.class);
            assertThat(dialogue.start()).isInstanceOf(StepResult.Redirect.class);
            StepResult granted = dialogue.followRedirect(bank.accepting("redirect"));
            assertThat(((StepResult.Success) granted).consent().accountScope()).containsExactly(checking.externalId());
            assertThat(bank.simulator.consents()).filteredOn(consent -> consent.status() == ConsentStatus.VALID)
                    .singleElement().satisfies(consent -> assertThat(consent.accessKind())
                            .isEqualTo(AccessRequest.Kind.DEDICATED));
            assertThat(dialogue.transactions(checking, LocalDate.parse("2025-03-01"))).isNotEmpty();
        }
    }

    @Test
    void aRenewalUnderTheDetailedModelAsksTheSameAccountsAgainWithoutListingThem() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of("consent-model", "detailed"))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();
            dialogue.followRedirect(bank.accepting("redirect"));
            Account first = dialogue.accounts().getFirst();
            dialogue.activate(first);
            dialogue.accountsActivated();
            dialogue.followRedirect(bank.accepting("redirect"));
            int consents = bank.simulator.consents().size();

            dialogue.start();
            dialogue.followRedirect(bank.accepting("redirect"));

            assertThat(bank.simulator.consents()).hasSize(consents + 1)
                    .filteredOn(consent -> consent.accessKind() == AccessRequest.Kind.DEDICATED).hasSize(2);
        }
    }

    @Test
    void theBankOfferedModelShowsTheAccountsTheUserPickedAtTheBank() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of("consent-model", "bank-offered"))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();
            String savings = bank.simulator.accountIds("redirect").get(1);

            dialogue.followRedirect(PsuBrowser.acceptingWithout(bank.tpp.pki.certificate(), "redirect", Set.of(savings)));

            assertThat(bank.simulator.consents().getFirst().accessKind()).isEqualTo(AccessRequest.Kind.BANK_OFFERED);
            assertThat(dialogue.accounts()).hasSize(3).noneMatch(account -> account.type() == AccountType.SAVINGS);
        }
    }

    @Test
    void theBankCapsTheValidityAskedForAndTheServerIsToldWhatWasGranted() {
        try (SimulatedBank bank = SimulatedBank.start(options -> options.maxConsentValidity(java.time.Period.ofDays(90)),
                Map.of("consent-validity", "365", "frequency-per-day", "2"))) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();

            StepResult.Success granted = (StepResult.Success) dialogue.followRedirect(bank.accepting("redirect"));

            LocalDate today = LocalDate.ofInstant(bank.clock.instant(), BERLIN);
            assertThat(bank.simulator.lastRequest(Endpoint.CREATE_CONSENT).orElseThrow().body())
                    .contains("\"validUntil\":\"" + today.plusDays(365) + "\"", "\"frequencyPerDay\":2");
            Instant endOfLastDay = today.plusDays(91).atStartOfDay(BERLIN).toInstant();
            assertThat(granted.consent().validUntil()).isEqualTo(endOfLastDay);
            assertThat(granted.consent().frequencyPerDay()).isEqualTo(2);
        }
    }

    @Test
    void revokingDeletesTheConsentAtTheBank() {
        try (SimulatedBank bank = SimulatedBank.start(Map.of())) {
            Dialogue dialogue = bank.webauth(null);
            dialogue.start();
            dialogue.followRedirect(bank.accepting("redirect"));
            String consentId = bank.simulator.consents().getFirst().consentId();

            dialogue.call(true, ctx -> {
                ((BerlinGroupConnector) dialogue.connector()).revoke(ctx);
                return "revoked";
            });

            assertThat(bank.simulator.consent(consentId).orElseThrow().status()).isEqualTo(ConsentStatus.TERMINATED_BY_TPP);
            assertThat(bank.simulator.hits(Endpoint.DELETE_CONSENT)).isEqualTo(1);
        }
    }
}
