package dev.passerelle.xs2a.simulator.scenario;

import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PSU scenarios in force and the failures still to play, for each PSU and for the whole bank.
 * A fault scripted {@code times(n)} is used up after n matching requests.
 */
public final class Scenarios {

    private final Map<String, PsuScenario> byPsu = new ConcurrentHashMap<>();
    private final Map<String, List<ArmedFault>> psuFaults = new ConcurrentHashMap<>();
    private final List<ArmedFault> bankFaults = new CopyOnWriteArrayList<>();

    public Scenarios(List<PsuScenario> initial) {
        initial.forEach(this::put);
    }

    /** Adds or replaces the scenario of {@code scenario.psuId()}, with its faults armed again. */
    public void put(PsuScenario scenario) {
        byPsu.put(scenario.psuId(), scenario);
        psuFaults.put(scenario.psuId(), new CopyOnWriteArrayList<>(scenario.faults().stream().map(ArmedFault::new).toList()));
    }

    /** The scenario of a PSU; an unknown id gets the defaults (the bank chooses the approach). */
    public PsuScenario forPsu(String psuId) {
        PsuScenario known = byPsu.get(psuId);
        return known != null ? known : PsuScenario.builder(psuId).build();
    }

    public boolean knows(String psuId) {
        return byPsu.containsKey(psuId);
    }

    /** A failure for the whole bank, whoever the PSU. */
    public void addBankFault(Fault fault) {
        bankFaults.add(new ArmedFault(fault));
    }

    /** The fault to play for this request, if any, using one of its remaining times. */
    public Optional<Fault> takeFault(Endpoint endpoint, Optional<String> psuId) {
        Optional<Fault> bank = take(bankFaults, endpoint);
        if (bank.isPresent() || psuId.isEmpty()) {
            return bank;
        }
        return take(psuFaults.getOrDefault(psuId.get(), List.of()), endpoint);
    }

    private static Optional<Fault> take(List<ArmedFault> faults, Endpoint endpoint) {
        for (ArmedFault armed : faults) {
            if (armed.fault.appliesTo(endpoint) && armed.use()) {
                return Optional.of(armed.fault);
            }
        }
        return Optional.empty();
    }

    private static final class ArmedFault {
        final Fault fault;
        final AtomicInteger remaining;

        ArmedFault(Fault fault) {
            this.fault = fault;
            this.remaining = new AtomicInteger(fault.times());
        }

        boolean use() {
            if (fault.times() == 0) {
                return true;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }
}
