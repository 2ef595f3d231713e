package dev.passerelle.server.sandboxbank;

import dev.passerelle.server.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The column {@link BankAuthorizations} seals, declared for key rotation whether or not sandbox mode
 * is on: rows written while it was on must move to a new key all the same.
 */
@Configuration(proxyBeanMethods = false)
class SealedSandboxBankColumns {

    @Bean
    SealedColumn sandboxBankJourney() {
        return new SealedColumn("sandbox_bank_authorization", "journey", BankAuthorizations.JOURNEY);
    }
}
