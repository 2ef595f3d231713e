package dev.passerelle.server.transactions;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the way transactions are written once, at startup, from the database product. */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

    @Bean
    TransactionUpserts transactionUpserts(DataSource dataSource) {
        return TransactionUpserts.on(dataSource);
    }
}
