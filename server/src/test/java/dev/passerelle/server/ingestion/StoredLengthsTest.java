package dev.passerelle.server.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Lengths;
import dev.passerelle.server.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every column that holds a connector's text holds the longest value the SPI lets through
 * ({@link Lengths}): a migration that narrows one, or an SPI limit raised alone, fails here rather
 * than as a sync that cannot store an institution's data.
 */
@IntegrationTest
class StoredLengthsTest {

    static final Map<String, Integer> SPI_LIMITS = Map.ofEntries(
            Map.entry("bank_account.external_id", Lengths.EXTERNAL_ID),
            Map.entry("bank_account.account_number", Lengths.NUMBER),
            Map.entry("bank_account.original_name", Lengths.NAME),
            Map.entry("bank_account.name", Lengths.NAME),
            Map.entry("bank_account.currency", Lengths.CURRENCY),
            Map.entry("bank_account.iban", Lengths.IBAN),
            Map.entry("bank_account.bic", Lengths.BIC),
            Map.entry("bank_account.company_name", Lengths.NAME),
            Map.entry("bank_transaction.external_id", Lengths.EXTERNAL_ID),
            Map.entry("bank_transaction.original_wording", Lengths.WORDING),
            Map.entry("bank_transaction.simplified_wording", Lengths.WORDING),
            Map.entry("bank_transaction.wording", Lengths.WORDING),
            Map.entry("bank_transaction.original_currency", Lengths.CURRENCY),
            Map.entry("bank_transaction.card", Lengths.CODE),
            Map.entry("bank_transaction.counterparty_label", Lengths.NAME),
            Map.entry("bank_transaction.counterparty_identification", Lengths.NUMBER),
            Map.entry("subscription.external_id", Lengths.EXTERNAL_ID),
            Map.entry("subscription.subscription_number", Lengths.NUMBER),
            Map.entry("subscription.label", Lengths.NAME),
            Map.entry("subscription.subscriber", Lengths.NAME),
            Map.entry("document.external_id", Lengths.EXTERNAL_ID),
            Map.entry("document.name", Lengths.TITLE),
            Map.entry("document.currency", Lengths.CURRENCY),
            Map.entry("document.doc_number", Lengths.NUMBER),
            Map.entry("document.issuer", Lengths.NAME),
            Map.entry("investment.external_id", Lengths.EXTERNAL_ID),
            Map.entry("investment.label", Lengths.TITLE),
            Map.entry("investment.code", Lengths.CODE),
            Map.entry("investment.description", Lengths.DESCRIPTION),
            Map.entry("investment.original_currency", Lengths.CURRENCY));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyColumnOfAConnectorsTextHoldsTheLongestValueTheSpiLetsThrough() {
        SPI_LIMITS.forEach((column, limit) -> {
            String[] tableAndColumn = column.split("\\.");
            Integer length = jdbc.sql("""
                    SELECT character_maximum_length FROM information_schema.columns
                    WHERE table_schema = CURRENT_SCHEMA AND table_name = :table AND column_name = :column""")
                    .param("table", tableAndColumn[0]).param("column", tableAndColumn[1]).query(Integer.class).single();
            assertThat(length).as(column).isGreaterThanOrEqualTo(limit);
        });
    }
}
