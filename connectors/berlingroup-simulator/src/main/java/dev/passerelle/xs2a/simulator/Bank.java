package dev.passerelle.xs2a.simulator;

import dev.passerelle.xs2a.simulator.bank.BankAccount;
import dev.passerelle.xs2a.simulator.bank.BankData;
import dev.passerelle.xs2a.simulator.consent.Consents;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import dev.passerelle.xs2a.simulator.scenario.Scenarios;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The simulated bank's state and settings, shared by every endpoint: its profile, clock, scenarios,
 * books and consents, and how it writes its links.
 */
public final class Bank {

    /** Entries start this many days before the simulator's start: "about three months" of history. */
    private static final int HISTORY_DAYS = 95;

    private final SimulatorOptions options;
    private final Scenarios scenarios;
    private final BankData data;
    private final Consents consents;
    private volatile URI baseUrl = URI.create("http://127.0.0.1");

    Bank(SimulatorOptions options) {
        this.options = options;
        this.scenarios = new Scenarios(options.scenarios());
        options.bankFaults().forEach(scenarios::addBankFault);
        LocalDate start = LocalDate.ofInstant(options.clock().instant(), options.zone());
        this.data = new BankData(options.seed(), options.bankCode(), start.minusDays(HISTORY_DAYS));
        this.consents = new Consents(options.clock(), options.zone(), options.multipleConsents(),
                psu -> scenarios.forPsu(psu).silentExpiry(), this::accountsOf);
    }

    void baseUrl(URI url) {
        this.baseUrl = url;
    }

    public SimulatorOptions options() {
        return options;
    }

    public Scenarios scenarios() {
        return scenarios;
    }

    public Consents consents() {
        return consents;
    }

    public BankData data() {
        return data;
    }

    public PsuScenario scenario(String psuId) {
        return scenarios.forPsu(psuId);
    }

    public List<BankAccount> accountsOf(String psuId) {
        return data.accountsOf(psuId, scenario(psuId).ownerName());
    }

    public Instant now() {
        return options.clock().instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), options.zone());
    }

    /** A link to one of the simulator's resources ({@code path} below the base path, e.g. {@code /v1/accounts}). */
    public String href(String path) {
        return options.absoluteLinks() ? absolute(path).toString() : options.basePath() + path;
    }

    /** The absolute URL of {@code path}: what a browser is sent to. */
    public URI absolute(String path) {
        return URI.create(baseUrl + options.basePath() + path);
    }

    /** Where the simulator listens, e.g. {@code https://127.0.0.1:8443} (without the base path). */
    public URI baseUrl() {
        return baseUrl;
    }
}
