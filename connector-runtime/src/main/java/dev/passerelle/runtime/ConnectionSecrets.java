package dev.passerelle.runtime;

import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.Settings;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The values of one connection that must never be seen: what the user typed in password fields and
 * the connector's secret settings. The runtime masks them in the connector's log lines; the test kit
 * also refuses a session that carries one.
 */
public final class ConnectionSecrets {

    private ConnectionSecrets() {
    }

    public static Set<String> of(ConnectorDescriptor connector, Settings settings, Map<String, String> credentials) {
        Set<String> passwordFields = connector.fields().stream().filter(f -> f.type() == FieldType.PASSWORD)
                .map(FieldSpec::name).collect(Collectors.toSet());
        return Stream.concat(
                        credentials.entrySet().stream().filter(e -> passwordFields.contains(e.getKey()))
                                .map(Map.Entry::getValue),
                        connector.settings().stream().filter(SettingSpec::secret)
                                .map(spec -> settings.secret(spec.name()).orElse(null)))
                .filter(value -> value != null && !value.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }
}
