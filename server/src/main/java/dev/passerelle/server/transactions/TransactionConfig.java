package dev.passerelle.server.transactions;

import dev.passerelle.server.api.WireFormat;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Picks the way transactions are written once, at startup, from the database product; and how a
 * transaction is written in JSON ({@link TransactionJson}).
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

    @Bean
    TransactionUpserts transactionUpserts(DataSource dataSource) {
        return TransactionUpserts.on(dataSource);
    }

    @Bean
    JacksonModule transactionJson(WireFormat wire) {
        return new SimpleModule("passerelle-transactions").addSerializer(TransactionView.class, new TransactionJson(wire));
    }
}
