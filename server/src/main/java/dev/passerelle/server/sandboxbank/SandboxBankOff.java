package dev.passerelle.server.sandboxbank;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.server.config.ConditionalOnSandboxMode;
import dev.passerelle.server.connectors.SourceSwitch;
import dev.passerelle.testbank.TestBankConnector;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Outside sandbox mode the sandbox bank is not served, so the test connector's {@code openapi}
 * source, whose users log in there, could only fail: it is switched off, and the start-up log says
 * how to turn it on.
 */
@Component
@ConditionalOnProperty(name = ConditionalOnSandboxMode.PROPERTY, havingValue = "false", matchIfMissing = true)
class SandboxBankOff implements SourceSwitch {

    static final String WHY = "its users log in at the sandbox bank, which is served only in sandbox mode: set "
            + ConditionalOnSandboxMode.PROPERTY + "=true (environment PASSERELLE_SANDBOX_ENABLED=true) to serve both, "
            + "or point the connector setting bank-url at another bank";

    @Override
    public Optional<String> whyOff(ConnectorDescriptor connector, SourceDescriptor source, Map<String, String> settings) {
        return connector.uuid().equals(TestBankConnector.UUID)
                && TestBankConnector.needsServedSandboxBank(source.name(), settings)
                ? Optional.of(WHY) : Optional.empty();
    }
}
