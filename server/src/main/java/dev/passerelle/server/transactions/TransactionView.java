package dev.passerelle.server.transactions;

import static dev.passerelle.server.config.DbTime.instant;

import dev.passerelle.connector.TransactionType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A transaction on the wire (PROTOCOL-NOTES §7.2). {@code rdate} falls back to {@code date} and
 * {@code gross_value} to {@code value} when the institution gives none, as Powens' spec requires
 * both; categorisation is not implemented, so {@code categories} is always empty.
 */
public record TransactionView(
        long id,
        long idAccount,
        LocalDate applicationDate,
        LocalDate date,
        LocalDate rdate,
        LocalDate vdate,
        BigDecimal value,
        BigDecimal grossValue,
        @Schema(implementation = TransactionType.class) String type,
        String originalWording,
        String simplifiedWording,
        String wording,
        boolean coming,
        boolean active,
        String comment,
        String card,
        BigDecimal originalValue,
        String originalCurrency,
        Counterparty counterparty,
        Instant dateScraped,
        Instant lastUpdate,
        Instant deleted,
        List<Object> categories) {

    /** The other party of a transfer. */
    public record Counterparty(String label,
                               @Schema(implementation = dev.passerelle.connector.Counterparty.Scheme.class) String accountSchemeName,
                               String accountIdentification,
                               @Schema(implementation = dev.passerelle.connector.Counterparty.Role.class) String type) {
    }

    /** A {@code bank_transaction} row as the API shows it, with its fallbacks ({@code rdate}, {@code gross_value}). */
    public static TransactionView of(ResultSet rs, int n) throws SQLException {
        LocalDate date = rs.getObject("tx_date", LocalDate.class);
        LocalDate rdate = rs.getObject("rdate", LocalDate.class);
        BigDecimal value = rs.getBigDecimal("amount");
        BigDecimal gross = rs.getBigDecimal("gross_amount");
        String label = rs.getString("counterparty_label");
        String scheme = rs.getString("counterparty_scheme");
        String identification = rs.getString("counterparty_identification");
        String side = rs.getString("counterparty_type");
        boolean hasCounterparty = label != null || scheme != null || identification != null || side != null;
        return new TransactionView(
                rs.getLong("id"),
                rs.getLong("id_account"),
                rs.getObject("application_date", LocalDate.class),
                date,
                rdate == null ? date : rdate,
                rs.getObject("vdate", LocalDate.class),
                value,
                gross == null ? value : gross,
                rs.getString("tx_type"),
                rs.getString("original_wording"),
                rs.getString("simplified_wording"),
                rs.getString("wording"),
                rs.getBoolean("coming"),
                rs.getBoolean("active"),
                rs.getString("user_comment"),
                rs.getString("card"),
                rs.getBigDecimal("original_amount"),
                rs.getString("original_currency"),
                hasCounterparty ? new Counterparty(label, scheme, identification, side) : null,
                instant(rs, "date_scraped"),
                instant(rs, "last_update"),
                instant(rs, "deleted"),
                List.of());
    }
}
