package dev.passerelle.sandboxbank;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.runtime.host.SourceSwitch;
import dev.passerelle.testbank.TestBankConnector;
import java.util.Optional;

/**
 * Outside sandbox mode the sandbox bank is not served, so the test connector's {@code openapi}
 * source, whose users log in there, could only fail: it is switched off, and the start-up log says
 * how to turn it on.
 */
final class SandboxBankOff implements SourceSwitch {

    static final String WHY = "its users log in at the sandbox bank, which is served only in sandbox mode: set "
            + SandboxBankAutoConfiguration.SANDBOX_MODE + "=true (environment PASSERELLE_SANDBOX_ENABLED=true) to serve "
            + "both, or point the connector setting bank-url at another bank";

    @Override
    public Optional<String> whyOff(ConnectorDescriptor connector, SourceDescriptor source, Settings settings) {
        return connector.uuid().equals(TestBankConnector.UUID)
                && TestBankConnector.needsServedSandboxBank(source.name(), settings)
                ? Optional.of(WHY) : Optional.empty();
    }
}
