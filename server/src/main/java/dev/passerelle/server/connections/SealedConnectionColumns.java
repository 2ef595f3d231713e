package dev.passerelle.server.connections;

import dev.passerelle.runtime.host.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The columns {@link CredentialVault} seals, declared for key rotation. */
@Configuration(proxyBeanMethods = false)
class SealedConnectionColumns {

    @Bean
    SealedColumn connectionCredentials() {
        return new SealedColumn("connection", "credentials", CredentialVault.CREDENTIALS);
    }

    @Bean
    SealedColumn connectionSourceSession() {
        return new SealedColumn("connection_source", "session", CredentialVault.SESSION);
    }
}
