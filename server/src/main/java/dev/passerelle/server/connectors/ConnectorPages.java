package dev.passerelle.server.connectors;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.RunningConnector;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.console.ConsoleController;
import dev.passerelle.server.console.Operator;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's connectors: each on or off with its connections, steps and failure rate of the
 * last 24 hours and its last success and failure; a connector's sources on or off (with the
 * reason a source cannot work here), its settings and its sync periodicity.
 */
@ConsoleController
class ConnectorPages {

    static final Duration WINDOW = Duration.ofHours(24);

    private final ConnectorRegistry registry;
    private final ConnectorSwitches switches;
    private final ConnectorAdmin admin;
    private final ConnectorActivities connections;
    private final Clock clock;

    ConnectorPages(ConnectorRegistry registry, ConnectorSwitches switches, ConnectorAdmin admin,
                   ConnectorActivities connections, Clock clock) {
        this.registry = registry;
        this.switches = switches;
        this.admin = admin;
        this.connections = connections;
        this.clock = clock;
    }

    /** A connector's line: whether it is published, and how its connections went. */
    record Line(ConnectorDescriptor connector, boolean hidden, long enabledSources, ConnectorActivity activity) {
    }

    /** A source's line: disabled since when, and why it cannot work here if it cannot. */
    record SourceLine(SourceDescriptor source, Instant disabledSince, String whyOff) {
    }

    @GetMapping("/console/connectors")
    String list(Operator operator, Model model) {
        Map<Integer, ConnectorActivity> activity = connections.byConnector(clock.instant().minus(WINDOW));
        List<Line> lines = registry.discovered().stream().map(RunningConnector::descriptor)
                .map(c -> new Line(c, switches.hidden(c), registry.enabledSources(c).size(),
                        activity.getOrDefault(c.id(), ConnectorActivity.NONE)))
                .toList();
        model.addAttribute("lines", lines);
        return "console/connectors";
    }

    @PostMapping("/console/connectors/{key}/hidden")
    String hide(Operator operator, @PathVariable String key, @RequestParam boolean hidden,
                @RequestParam(required = false) String back) {
        admin.hide(Map.of(admin.connector(key), hidden), operator.changedBy());
        return "redirect:" + ("connector".equals(back) ? "/console/connectors/" + key : "/console/connectors") + "?saved";
    }

    @GetMapping("/console/connectors/{key}")
    String connector(Operator operator, @PathVariable String key, Model model) {
        ConnectorDescriptor connector = admin.connector(key);
        model.addAttribute("connector", connector);
        model.addAttribute("hidden", switches.hidden(connector));
        model.addAttribute("sources", connector.sources().stream()
                .map(s -> new SourceLine(s, switches.disabledSince(connector, s).orElse(null),
                        switches.whyOff(connector, s).orElse(null)))
                .toList());
        model.addAttribute("settings", admin.settings(connector));
        model.addAttribute("settingsText", settingsText(admin.settings(connector)));
        model.addAttribute("periodicity", switches.syncPeriodicity(connector));
        model.addAttribute("period", switches.of(connector));
        model.addAttribute("activity", connections.byConnector(clock.instant().minus(WINDOW))
                .getOrDefault(connector.id(), ConnectorActivity.NONE));
        return "console/connector";
    }

    @PostMapping("/console/connectors/{key}/sources/{source}")
    String source(Operator operator, @PathVariable String key, @PathVariable String source,
                  @RequestParam boolean disabled, HttpServletResponse response, Model model) {
        ConnectorDescriptor connector = admin.connector(key);
        try {
            admin.disable(connector, admin.source(connector, source), disabled, operator.changedBy());
        } catch (ApiException refused) {
            return refused(operator, key, refused, response, model);
        }
        return "redirect:/console/connectors/" + key + "?saved";
    }

    /** The settings as {@code name=value} lines; a name left out is removed. */
    @PostMapping("/console/connectors/{key}/settings")
    String settings(Operator operator, @PathVariable String key, @RequestParam(defaultValue = "") String settings,
                    HttpServletResponse response, Model model) {
        ConnectorDescriptor connector = admin.connector(key);
        Map<String, String> wanted = new LinkedHashMap<>();
        Arrays.stream(settings.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            int equals = line.indexOf('=');
            wanted.put(equals < 0 ? line : line.substring(0, equals).strip(), equals < 0 ? "" : line.substring(equals + 1).strip());
        });
        Map<String, String> changes = new HashMap<>(wanted);
        admin.settings(connector).keySet().stream().filter(name -> !wanted.containsKey(name))
                .forEach(removed -> changes.put(removed, ""));
        try {
            admin.changeSettings(connector, changes, operator.changedBy());
        } catch (ApiException refused) {
            return refused(operator, key, refused, response, model);
        }
        return "redirect:/console/connectors/" + key + "?saved";
    }

    @PostMapping("/console/connectors/{key}/periodicity")
    String periodicity(Operator operator, @PathVariable String key, @RequestParam(defaultValue = "") String days,
                       HttpServletResponse response, Model model) {
        try {
            admin.syncPeriodicity(admin.connector(key), days, operator.changedBy());
        } catch (ApiException refused) {
            return refused(operator, key, refused, response, model);
        }
        return "redirect:/console/connectors/" + key + "?saved";
    }

    private String refused(Operator operator, String key, ApiException refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.error().status().value() >= 500 ? HttpStatus.BAD_REQUEST.value()
                : refused.error().status().value());
        model.addAttribute("refusal", refused.description());
        return connector(operator, key, model);
    }

    private static String settingsText(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }
}
