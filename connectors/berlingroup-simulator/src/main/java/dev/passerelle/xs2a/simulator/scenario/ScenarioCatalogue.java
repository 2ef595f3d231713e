package dev.passerelle.xs2a.simulator.scenario;

import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario.DecoupledOutcome;
import java.time.Duration;
import java.util.List;

/**
 * The PSUs every simulator knows from the start (docs/berlin-group-simulator.md lists them). Their
 * password is {@value PsuScenario#DEFAULT_PASSWORD}; an id not listed behaves like {@code redirect}
 * when the TPP prefers a redirect, and otherwise follows the TPP's preference headers.
 */
public final class ScenarioCatalogue {

    private ScenarioCatalogue() {
    }

    public static List<PsuScenario> defaults() {
        return List.of(
                PsuScenario.builder("redirect").approach(ScaApproach.REDIRECT).ownerName("Anna Redirect").build(),
                PsuScenario.builder("oauth").approach(ScaApproach.OAUTH).ownerName("Otto Auth").build(),
                PsuScenario.builder("embedded").approach(ScaApproach.EMBEDDED).ownerName("Emma Bedded")
                        .scaMethods(ScaMethodScript.smsOtp("123456")).build(),
                PsuScenario.builder("embedded-choice").approach(ScaApproach.EMBEDDED).ownerName("Chloé Choix")
                        .scaMethods(ScaMethodScript.smsOtp("123456"), ScaMethodScript.photoOtp("654321"))
                        .build(),
                PsuScenario.builder("decoupled").approach(ScaApproach.DECOUPLED).ownerName("David Coupled")
                        .decoupled(DecoupledOutcome.APPROVED, Duration.ofSeconds(5)).build(),
                PsuScenario.builder("decoupled-rejected").approach(ScaApproach.DECOUPLED)
                        .decoupled(DecoupledOutcome.REJECTED, Duration.ofSeconds(5)).build(),
                PsuScenario.builder("decoupled-timeout").approach(ScaApproach.DECOUPLED)
                        .decoupled(DecoupledOutcome.NEVER, Duration.ofSeconds(5)).build(),
                PsuScenario.builder("expiring").approach(ScaApproach.REDIRECT)
                        .silentExpiry(Duration.ofHours(12)).build(),
                PsuScenario.builder("rate-limited").approach(ScaApproach.REDIRECT)
                        .unattendedAccessesPerDay(1).build(),
                PsuScenario.builder("paged").approach(ScaApproach.REDIRECT).transactionsPerPage(10).build(),
                PsuScenario.builder("no-ids").approach(ScaApproach.REDIRECT).withoutTransactionIds().build(),
                PsuScenario.builder("unavailable").approach(ScaApproach.REDIRECT)
                        .fault(Fault.of(Fault.Kind.SERVICE_UNAVAILABLE, Endpoint.ACCOUNTS, Endpoint.ACCOUNT_DETAILS,
                                Endpoint.BALANCES, Endpoint.TRANSACTIONS, Endpoint.CARD_ACCOUNTS,
                                Endpoint.CARD_BALANCES, Endpoint.CARD_TRANSACTIONS)
                                .retryAfter(Duration.ofMinutes(5)))
                        .build());
    }
}
