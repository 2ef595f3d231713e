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
 * A transaction on the wire (docs/protocol.md §7.2). {@code rdate} falls back to {@code date} and
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

    /**
     * The columns {@link #of} reads, in its order, of {@code bank_transaction} aliased {@code t}: read
     * by position, as looking a column up by name costs more than the rest of the row on H2.
     */
    public static final String COLUMNS = "t.id, t.id_account, t.application_date, t.tx_date, t.rdate, t.vdate, t.amount,"
            + " t.gross_amount, t.tx_type, t.original_wording, t.simplified_wording, t.wording, t.coming, t.active,"
            + " t.user_comment, t.card, t.original_amount, t.original_currency, t.counterparty_label,"
            + " t.counterparty_scheme, t.counterparty_identification, t.counterparty_type, t.date_scraped,"
            + " t.last_update, t.deleted";

    /** A row selected as {@link #COLUMNS}, as the API shows it, with its fallbacks ({@code rdate}, {@code gross_value}). */
    public static TransactionView of(ResultSet rs, int n) throws SQLException {
        LocalDate date = rs.getObject(4, LocalDate.class);
        LocalDate rdate = rs.getObject(5, LocalDate.class);
        BigDecimal value = rs.getBigDecimal(7);
        BigDecimal gross = rs.getBigDecimal(8);
        String label = rs.getString(19);
        String scheme = rs.getString(20);
        String identification = rs.getString(21);
        String side = rs.getString(22);
        boolean hasCounterparty = label != null || scheme != null || identification != null || side != null;
        return new TransactionView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, LocalDate.class),
                date,
                rdate == null ? date : rdate,
                rs.getObject(6, LocalDate.class),
                value,
                gross == null ? value : gross,
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getBoolean(13),
                rs.getBoolean(14),
                rs.getString(15),
                rs.getString(16),
                rs.getBigDecimal(17),
                rs.getString(18),
                hasCounterparty ? new Counterparty(label, scheme, identification, side) : null,
                instant(rs, 23),
                instant(rs, 24),
                instant(rs, 25),
                List.of());
    }
}
