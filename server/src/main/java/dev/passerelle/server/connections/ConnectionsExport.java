package dev.passerelle.server.connections;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.passerelle.server.api.Expand;
import dev.passerelle.server.users.UserDataSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The user's connections in their data export: each as the API shows it with its sources, and its whole timeline. */
@Component
@Order(10)
class ConnectionsExport implements UserDataSection {

    private static final int PAGE = 1000;

    private final Connections connections;
    private final ConnectionViews views;
    private final ConnectionTimeline timeline;

    ConnectionsExport(Connections connections, ConnectionViews views, ConnectionTimeline timeline) {
        this.connections = connections;
        this.views = views;
        this.timeline = timeline;
    }

    record Exported(@JsonUnwrapped ConnectionView connection, List<ConnectionTimeline.Event> logs) {
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public List<Exported> export(long userId) {
        Expand expand = Expand.parse("sources");
        return connections.list(userId).stream()
                .map(connection -> new Exported(views.view(connection, expand), logs(connection.id())))
                .toList();
    }

    private List<ConnectionTimeline.Event> logs(long connectionId) {
        List<ConnectionTimeline.Event> all = new ArrayList<>();
        List<ConnectionTimeline.Event> page;
        do {
            page = timeline.events(connectionId, PAGE, all.size());
            all.addAll(page);
        } while (page.size() == PAGE);
        return all;
    }
}
