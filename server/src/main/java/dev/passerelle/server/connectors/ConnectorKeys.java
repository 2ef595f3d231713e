package dev.passerelle.server.connectors;

import dev.passerelle.server.domainconfig.ConfigKey;
import dev.passerelle.server.domainconfig.ConfigKeys;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The domain configuration keys of connectors (docs/protocol.md §12): {@code sync_periodicity}, the
 * days between background syncs of every connector an operator gave no periodicity of its own, and
 * {@code connection.disable_new}, which stops new connections on the whole domain.
 */
@Component
class ConnectorKeys implements ConfigKeys {

    private final ConfigKey<BigDecimal> syncPeriodicity = ConfigKey.decimal("sync_periodicity",
            new BigDecimal("0.01"), new BigDecimal("365"), null,
            "Days between two background syncs of a connection (unset: each connector's own, 1 for the test connector)");
    private final ConfigKey<Boolean> disableNew = ConfigKey.flag("connection.disable_new", false,
            "Refuse every new connection on the domain; existing connections keep syncing");

    ConfigKey<BigDecimal> syncPeriodicity() {
        return syncPeriodicity;
    }

    ConfigKey<Boolean> disableNew() {
        return disableNew;
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(syncPeriodicity, disableNew);
    }
}
