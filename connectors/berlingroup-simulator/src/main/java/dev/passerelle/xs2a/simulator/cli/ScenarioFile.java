package dev.passerelle.xs2a.simulator.cli;

import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code --scenario-file}: PSU scenarios (the fields of {@link PsuScenario}) and bank-wide faults, in
 * JSON; durations in ISO-8601 ({@code "PT10S"}). See docs/berlin-group-simulator.md.
 */
public record ScenarioFile(List<PsuScenario> psus, List<Fault> faults) {

    public ScenarioFile {
        psus = psus == null ? List.of() : List.copyOf(psus);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public static ScenarioFile read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), ScenarioFile.class);
    }
}
