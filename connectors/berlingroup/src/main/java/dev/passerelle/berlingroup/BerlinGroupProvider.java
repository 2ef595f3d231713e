package dev.passerelle.berlingroup;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.BankDirectory;
import dev.passerelle.berlingroup.directory.KeyStores;
import dev.passerelle.berlingroup.transport.TppCredentials;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorProvider;
import dev.passerelle.connector.MutualTls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * The bank's mutual TLS, as {@link MutualTls} settings the runtime builds the bank's client from:
     * the TPP's key store with the bank's QWAC entry, and the extra trusted authorities. A bank that
     * takes the QWAC in a header (a gateway that terminates TLS) gets no client certificate.
     */
    @Override
    public Map<String, String> settings(Map<String, String> configuration, ConnectorDescriptor connector) {
        if (configuration.isEmpty()) {
            return Map.of();
        }
        BankDirectory directory = BankDirectory.parse(configuration);
        KeyStores stores = directory.keyStores();
        Map<String, String> settings = new LinkedHashMap<>();
        stores.trustStoreFile().ifPresent(file -> {
            settings.put(MutualTls.TRUST_STORE, file.toString());
            settings.put(MutualTls.TRUST_STORE_PASSWORD, new String(stores.trustStorePassword()));
        });
        directory.banks().stream().filter(bank -> bank.identity().uuid().equals(connector.uuid()))
                .map(Aspsp::transport)
                .filter(transport -> transport.qwacAlias() != null && transport.certificateHeader() == null)
                .findFirst()
                .ifPresent(transport -> stores.keyStoreFile().ifPresent(file -> {
                    settings.put(MutualTls.KEY_STORE, file.toString());
                    settings.put(MutualTls.KEY_STORE_PASSWORD, new String(stores.keyStorePassword()));
                    settings.put(MutualTls.KEY_ALIAS, transport.qwacAlias());
                }));
        return settings;
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
