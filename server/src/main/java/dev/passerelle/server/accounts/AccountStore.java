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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;
    private final DiscoveredRows rows;
    private final ObjectMapper json;

    public AccountStore(JdbcClient jdbc, NamedParameterJdbcOperations batch, DiscoveredRows rows, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rows = rows;
        this.json = json;
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
        Set<Long> inserted = new HashSet<>();
        DiscoveredRows.Reconciled reconciled = rows.reconcile(DiscoveredRows.Kind.ACCOUNT, source, listed, Account::externalId,
                account -> {
                    long id = insert(source, account, now);
                    inserted.add(id);
                    return id;
                }, (id, account) -> refresh(id, source, account, now), now);
        Map<String, Long> ids = reconciled.ids();
        // A new account has no parent yet; a known one may have gained, changed or lost it.
        SqlParameterSource[] links = listed.stream()
                .filter(account -> account.parentExternalId() != null || !inserted.contains(ids.get(account.externalId())))
                .map(account -> new MapSqlParameterSource()
                        .addValue("parent", account.parentExternalId() == null ? null : ids.get(account.parentExternalId()))
                        .addValue("id", ids.get(account.externalId())))
                .toArray(SqlParameterSource[]::new);
        if (links.length > 0) {
            batch.batchUpdate("UPDATE bank_account SET id_parent = :parent WHERE id = :id", links);
        }
        return reconciled.fetchable();
    }

    private long insert(OpenSource source, Account account, Instant now) {
        return rows.insert(bindListed(jdbc.sql("""
                INSERT INTO bank_account (id_connection, id_user, id_source, external_id, account_number, original_name,
                    name, account_type, balance, coming, currency, iban, bic, account_usage, ownership, company_name,
                    opening_date, loan, created, last_update, disabled)
                VALUES (:connection, :user, :source, :externalId, :number, :originalName,
                    :originalName, :type, :balance, :coming, :currency, :iban, :bic, :usage, :ownership, :companyName,
                    :openingDate, :loan, :now, :now, :now)"""), account), source, account.externalId(), now);
    }

    private void refresh(long id, OpenSource source, Account account, Instant now) {
        rows.refresh(bindListed(jdbc.sql("""
                UPDATE bank_account SET id_source = :source, account_number = :number,
                    name = CASE WHEN name = original_name THEN :originalName ELSE name END,
                    original_name = :originalName, account_type = :type, balance = :balance, coming = :coming,
                    currency = :currency, iban = :iban, bic = :bic, account_usage = COALESCE(account_usage, :usage),
                    ownership = :ownership, company_name = :companyName, opening_date = :openingDate, loan = :loan,
                    last_update = :now, deleted = NULL
                WHERE id = :id"""), account), source, id, now);
    }

    private JdbcClient.StatementSpec bindListed(JdbcClient.StatementSpec spec, Account account) {
        return spec.param("number", account.number())
                .param("originalName", account.name())
                .param("type", WireNames.of(account.type()))
                .param("balance", account.balance())
                .param("coming", account.coming())
                .param("currency", account.currency())
                .param("iban", account.iban())
                .param("bic", account.bic())
                .param("usage", WireNames.of(account.usage()))
                .param("ownership", WireNames.of(account.ownership()))
                .param("companyName", account.companyName())
                .param("openingDate", account.openingDate())
                .param("loan", account.loan() == null ? null : json.writeValueAsString(LoanDetails.of(account.loan())));
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
