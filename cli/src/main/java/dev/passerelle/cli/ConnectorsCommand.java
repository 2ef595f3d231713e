package dev.passerelle.cli;

import dev.passerelle.client.Passerelle;
import dev.passerelle.client.model.Connector;
import dev.passerelle.client.model.ConnectorSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code passerelle connectors}: the institutions the server reaches, with their sources. Needs no login. */
@Command(name = "connectors", description = "List the connectors (institutions) and their sources.")
final class ConnectorsCommand implements Callable<Integer> {

    @ParentCommand
    private PasserelleCommand root;

    @Option(names = "--json", description = "Print the connectors as JSON, sources and fields included")
    private boolean json;

    @Override
    public Integer call() {
        List<Connector> connectors = Passerelle.builder(root.apiRoot(root.store.load())).build().connectors()
                .list("sources", "fields");
        if (json) {
            root.terminal.out().println(TerminalText.JSON.withDefaultPrettyPrinter().writeValueAsString(connectors));
            return 0;
        }
        Table table = new Table("ID", "UUID", "NAME", "SOURCES");
        connectors.forEach(c -> table.row(c.id(), c.uuid(), c.name(), Optional.ofNullable(c.sources()).orElse(List.of())
                .stream().map(s -> s.name() + " (" + mechanisms(s) + ")").collect(Collectors.joining(", "))));
        table.print(root.terminal.out());
        return 0;
    }

    static String mechanisms(ConnectorSource source) {
        return String.join("/", Optional.ofNullable(source.availableAuthMechanisms()).orElse(List.of(source.authMechanism())));
    }
}
