package dev.passerelle.server.dashboard;

import dev.passerelle.server.connections.ConnectionReadModel;
import dev.passerelle.server.console.ConsoleController;
import dev.passerelle.server.console.Operator;
import dev.passerelle.server.users.UserAccounts;
import dev.passerelle.server.webhooks.WebhookHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's first page: users, connections by state, steps and failures of the last 24 hours, webhook failures. */
@ConsoleController
class DashboardPage {

    static final Duration WINDOW = Duration.ofHours(24);

    private final UserAccounts users;
    private final ConnectionReadModel connections;
    private final WebhookHealth webhooks;
    private final Clock clock;

    DashboardPage(UserAccounts users, ConnectionReadModel connections, WebhookHealth webhooks, Clock clock) {
        this.users = users;
        this.connections = connections;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** A state and its number of connections; {@code state} null is "synced without error". */
    record StateCount(String state, long count) {
    }

    @GetMapping("/console")
    String dashboard(Operator operator, Model model) {
        Instant since = clock.instant().minus(WINDOW);
        Map<String, Long> byState = connections.countByState();
        List<StateCount> states = byState.entrySet().stream()
                .map(entry -> new StateCount(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(StateCount::count).reversed())
                .toList();
        model.addAttribute("users", users.count());
        model.addAttribute("connections", byState.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("states", states);
        model.addAttribute("steps", connections.steps(since));
        model.addAttribute("webhooks", webhooks.since(since));
        return "console/dashboard";
    }
}
