package dev.passerelle.server.accounts;

import static dev.passerelle.server.config.DbTime.instant;

import dev.passerelle.connector.Account;
import dev.passerelle.runtime.WireNames;
import dev.passerelle.server.connections.OpenSource;
import dev.passerelle.server.consent.DiscoveredRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The SQL of {@code bank_account}: reconciling what a connector lists with what is stored, and the
 * reads and writes of the account endpoints (docs/protocol.md §7.1). Every user-facing read filters
 * on {@code id_user}, so another user's account id is simply not found.
 */
@Component
public class AccountStore {

    private static final String SELECT = """
            SELECT a.*, p.external_id AS parent_external_id
            FROM bank_account a LEFT JOIN bank_account p ON p.id = a.id_parent
            """;

    private static final String INSERT = """
            INSERT INTO bank_account (id_connection, id_user, id_source, external_id, account_number, original_name,
                name, account_type, balance, coming, currency, iban, bic, account_usage, ownership, company_name,
                opening_date, loan, created, last_update, disabled)
            VALUES (:connection, :user, :source, :externalId, :number, :originalName,
                :originalName, :type, :balance, :coming, :currency, :iban, :bic, :usage, :ownership, :companyName,
                :openingDate, :loan, :now, :now, :now)""";

    private static final String REFRESH = """
            UPDATE bank_account SET id_source = :source, account_number = :number,
                name = CASE WHEN name = original_name THEN :originalName ELSE name END,
                original_name = :originalName, account_type = :type, balance = :balance, coming = :coming,
                currency = :currency, iban = :iban, bic = :bic, account_usage = COALESCE(account_usage, :usage),
                ownership = :ownership, company_name = :companyName, opening_date = :openingDate, loan = :loan,
                last_update = :now, deleted = NULL
            WHERE id = :id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;
    private final DiscoveredRows rows;
    private final ObjectMapper json;
    private final DiscoveredRows.Writes<Account> writes;

    public AccountStore(JdbcClient jdbc, NamedParameterJdbcOperations batch, DiscoveredRows rows, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rows = rows;
        this.json = json;
        this.writes = new DiscoveredRows.Writes<>(Account::externalId, this::listedColumns, INSERT, REFRESH);
    }

    /**
     * Makes the stored accounts of a source match what its connector listed: new accounts are
     * inserted disabled (no consent yet), known ones refreshed (a user's renaming survives), parents
     * linked, and the source's accounts the institution no longer shows marked deleted.
     *
     * @return the source's accounts whose data may be fetched now, in id order
     */
    @Transactional
    public List<Long> reconcile(OpenSource source, List<Account> listed, Instant now) {
        DiscoveredRows.Reconciled reconciled = rows.reconcile(DiscoveredRows.Kind.ACCOUNT, source, listed, writes, now);
        Map<String, Long> ids = reconciled.ids();
        // A new account has no parent yet; a known one may have gained, changed or lost it.
        SqlParameterSource[] links = listed.stream()
                .filter(account -> account.parentExternalId() != null
                        || !reconciled.inserted().contains(ids.get(account.externalId())))
                .map(account -> new MapSqlParameterSource()
                        .addValue("parent", account.parentExternalId() == null ? null : ids.get(account.parentExternalId()))
                        .addValue("id", ids.get(account.externalId())))
                .toArray(SqlParameterSource[]::new);
        if (links.length > 0) {
            batch.batchUpdate("UPDATE bank_account SET id_parent = :parent WHERE id = :id", links);
        }
        return reconciled.fetchable();
    }

    /** The columns a listing gives, by the parameter names of {@link #INSERT} and {@link #REFRESH}. */
    private Map<String, Object> listedColumns(Account account) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("number", account.number());
        columns.put("originalName", account.name());
        columns.put("type", WireNames.of(account.type()));
        columns.put("balance", account.balance());
        columns.put("coming", account.coming());
        columns.put("currency", account.currency());
        columns.put("iban", account.iban());
        columns.put("bic", account.bic());
        columns.put("usage", WireNames.of(account.usage()));
        columns.put("ownership", WireNames.of(account.ownership()));
        columns.put("companyName", account.companyName());
        columns.put("openingDate", account.openingDate());
        columns.put("loan", account.loan() == null ? null : json.writeValueAsString(LoanDetails.of(account.loan())));
        return columns;
    }

    /** One account, whoever owns it (background work). */
    public Optional<AccountRow> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::row).optional();
    }

    /** The visible accounts, by id. */
    public List<AccountRow> list(DiscoveredRows.Visible visible) {
        return jdbc.sql(SELECT + visible.where("a") + " ORDER BY a.id").params(visible.params()).query(this::row).list();
    }

    /** One visible account. */
    public Optional<AccountRow> find(DiscoveredRows.Visible visible, long id) {
        return jdbc.sql(SELECT + visible.where("a") + " AND a.id = :id").params(visible.params()).param("id", id)
                .query(this::row).optional();
    }

    /** Applies the user's edits; a null argument leaves that column as it is. */
    public void edit(long id, Boolean display, String name, Boolean bookmarked, String usage) {
        jdbc.sql("""
                UPDATE bank_account SET display = COALESCE(:display, display), name = COALESCE(:name, name),
                    bookmarked = COALESCE(:bookmarked, bookmarked), account_usage = COALESCE(:usage, account_usage)
                WHERE id = :id""")
                .param("display", display)
                .param("name", name)
                .param("bookmarked", bookmarked)
                .param("usage", usage)
                .param("id", id)
                .update();
    }

    private AccountRow row(ResultSet rs, int n) throws SQLException {
        String loan = rs.getString("loan");
        return new AccountRow(
                rs.getLong("id"),
                rs.getLong("id_connection"),
                rs.getLong("id_user"),
                rs.getObject("id_source", Long.class),
                rs.getObject("id_parent", Long.class),
                rs.getString("external_id"),
                rs.getString("parent_external_id"),
                rs.getString("account_number"),
                rs.getString("original_name"),
                rs.getString("name"),
                rs.getString("account_type"),
                rs.getBigDecimal("balance"),
                rs.getBigDecimal("coming"),
                rs.getString("currency"),
                rs.getString("iban"),
                rs.getString("bic"),
                rs.getString("account_usage"),
                rs.getString("ownership"),
                rs.getString("company_name"),
                rs.getObject("opening_date", LocalDate.class),
                loan == null ? null : json.readValue(loan, LoanDetails.class),
                rs.getBoolean("display"),
                rs.getBoolean("bookmarked"),
                rs.getString("error"),
                instant(rs, "created"),
                instant(rs, "last_update"),
                instant(rs, "deleted"),
                instant(rs, "disabled"));
    }
}
