package dev.passerelle.xs2a.simulator;

import dev.passerelle.xs2a.simulator.consent.AccessRequest;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.consent.Grant;
import dev.passerelle.xs2a.simulator.sca.Authorisation;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.sca.ScaStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A consent as the bank holds it, for tests: status, PSU, approach, what it grants (account resource
 * ids), how often it was used, and its authorisations.
 */
public record ConsentView(
        String consentId,
        Optional<String> psuId,
        ConsentStatus status,
        ScaApproach approach,
        AccessRequest.Kind accessKind,
        boolean recurring,
        LocalDate validUntil,
        int frequencyPerDay,
        Set<String> accounts,
        Set<String> balances,
        Set<String> transactions,
        int dataAccesses,
        List<AuthorisationView> authorisations) {

    /** One authorisation sub-resource. */
    public record AuthorisationView(String authorisationId, ScaStatus scaStatus, Optional<String> psuId,
                                    Optional<String> chosenMethod, int failedAttempts) {
    }

    static ConsentView of(Consent consent) {
        Grant grant = consent.grant().orElse(new Grant(Set.of(), Set.of(), Set.of(), false));
        return new ConsentView(consent.id(), consent.psuId(), consent.status(), consent.approach(),
                consent.access().kind(), consent.recurring(), consent.validUntil(), consent.frequencyPerDay(),
                grant.accounts(), grant.balances(), grant.transactions(), consent.dataAccesses(),
                consent.authorisations().stream().map(ConsentView::of).toList());
    }

    private static AuthorisationView of(Authorisation authorisation) {
        return new AuthorisationView(authorisation.id(), authorisation.status(), authorisation.psuId(),
                authorisation.chosenMethod().map(m -> m.id()), authorisation.failedAttempts());
    }
}
