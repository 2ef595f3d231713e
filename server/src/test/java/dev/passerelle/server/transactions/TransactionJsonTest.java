package dev.passerelle.server.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.api.PageLinks;
import dev.passerelle.server.api.WireFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** A transaction written field by field reads exactly as the API wrote it with Jackson's bean serializer. */
class TransactionJsonTest {

    private final WireFormat wire = new WireFormat(new WireFormat.WireProperties(ZoneId.of("Europe/Paris")));
    private final ObjectMapper handWritten = mapper().addModule(new TransactionConfig().transactionJson(wire)).build();
    private final ObjectMapper generic = mapper().build();

    private static final TransactionView FULL = new TransactionView(7, 3, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 1),
            LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 3), new BigDecimal("-12.50"), new BigDecimal("-12.500"), "card",
            "CB CARREFOUR \"JUIN\"\t\\ 01/06", "CB CARREFOUR", "Courses", true, true, "mon commentaire", "XXXX1234",
            new BigDecimal("-14.00"), "USD",
            new TransactionView.Counterparty("Carrefour", "iban", "FR7630006000011234567890189", "creditor"),
            Instant.parse("2025-06-02T10:00:00Z"), Instant.parse("2025-06-02T10:00:01Z"), Instant.parse("2025-06-03T23:30:00Z"),
            List.of());

    private static final TransactionView SPARSE = new TransactionView(8, 3, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 2),
            LocalDate.of(2025, 6, 2), null, new BigDecimal("100.00"), new BigDecimal("100.00"), "transfer", "VIR SEPA",
            null, "VIR SEPA", false, true, null, null, null, null, null, Instant.parse("2025-06-02T10:00:00Z"),
            Instant.parse("2025-06-02T10:00:00Z"), null, List.of());

    @Test
    void everyFieldIsWrittenAsTheBeanSerializerWroteIt() {
        assertThat(json(handWritten, FULL)).isEqualTo(json(generic, FULL));
        assertThat(json(handWritten, SPARSE)).isEqualTo(json(generic, SPARSE));
    }

    @Test
    void fieldsKeepTheirWireNamesFormatsAndOrder() {
        assertThat(handWritten.writeValueAsString(SPARSE)).isEqualTo("""
                {"id":8,"id_account":3,"application_date":"2025-06-02","date":"2025-06-02","rdate":"2025-06-02",\
                "vdate":null,"value":100,"gross_value":100,"type":"transfer","original_wording":"VIR SEPA",\
                "simplified_wording":null,"wording":"VIR SEPA","coming":false,"active":true,"comment":null,"card":null,\
                "original_value":null,"original_currency":null,"counterparty":null,"date_scraped":"2025-06-02 12:00:00",\
                "last_update":"2025-06-02 12:00:00","deleted":null,"categories":[]}""");
    }

    @Test
    void aPageOfTransactionsIsWrittenWithTheSameSerializer() {
        TransactionPage page = new TransactionPage(List.of(FULL, SPARSE), 2, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2),
                new PageLinks(new PageLinks.Link("/2.0/users/me/transactions"), null, null));

        assertThat(json(handWritten, page)).isEqualTo(json(generic, page));
    }

    private JsonMapper.Builder mapper() {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(wire.passerelleWireModule());
    }

    private static JsonNode json(ObjectMapper mapper, Object value) {
        return mapper.readTree(mapper.writeValueAsString(value));
    }
}
