package dev.passerelle.berlingroup;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.BankDirectory;
import dev.passerelle.berlingroup.transport.TppCredentials;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes one {@link BerlinGroupConnector} per bank of the directory configured under
 * {@code passerelle.connectors.providers.berlingroup} (docs/berlin-group.md). A directory that does
 * not read, or a certificate alias the key store does not hold, stops the server at start-up with
 * every problem listed: a bank silently left out would be worse.
 */
public final class BerlinGroupProvider implements ConnectorProvider {

    public static final String NAME = "berlingroup";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Connector> connectors(Map<String, String> configuration) {
        if (configuration.isEmpty()) {
            return List.of();
        }
        BankDirectory directory = BankDirectory.parse(configuration);
        TppCredentials credentials = TppCredentials.load(directory.keyStores());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < directory.banks().size(); i++) {
            Aspsp.Transport transport = directory.banks().get(i).transport();
            String prefix = BankDirectory.PREFIX + "banks[" + i + "].";
            check(credentials, transport.qwacAlias(), prefix + "qwac-alias", problems);
            check(credentials, transport.qsealAlias(), prefix + "qseal-alias", problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The Berlin Group bank directory is not valid:\n - "
                    + String.join("\n - ", problems));
        }
        return directory.banks().stream()
                .<Connector>map(bank -> new BerlinGroupConnector(bank, new Xs2aClient(bank, credentials)))
                .toList();
    }

    private static void check(TppCredentials credentials, String alias, String setting, List<String> problems) {
        if (alias == null) {
            return;
        }
        try {
            credentials.requireKey(alias, setting);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }
}
