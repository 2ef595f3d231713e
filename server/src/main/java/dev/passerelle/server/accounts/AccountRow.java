package dev.passerelle.server.accounts;

import dev.passerelle.connector.Account;
import dev.passerelle.runtime.WireNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One {@code bank_account} row. {@code name} is the user's label (it follows {@code originalName}
 * until the user renames the account); {@code disabled} is null once the user consented (docs/protocol.md §7.1).
 *
 * @param parentExternalId the parent account's external id, joined in so that the row can be turned
 *                         back into the connector's {@link Account}
 */
public record AccountRow(
        long id,
        long idConnection,
        long idUser,
        Long idSource,
        Long idParent,
        String externalId,
        String parentExternalId,
        String number,
        String originalName,
        String name,
        String type,
        BigDecimal balance,
        BigDecimal coming,
        String currency,
        String iban,
        String bic,
        String usage,
        String ownership,
        String companyName,
        LocalDate openingDate,
        LoanDetails loan,
        boolean display,
        boolean bookmarked,
        String error,
        Instant created,
        Instant lastUpdate,
        Instant deleted,
        Instant disabled) {

    /** The longest {@code name} the {@code bank_account.name} column holds. */
    public static final int MAX_NAME_LENGTH = 200;

    /** Consented and still shown by the institution: the only accounts whose transactions are fetched. */
    public boolean fetchable() {
        return disabled == null && deleted == null && idSource != null;
    }

    /**
     * The account as the connector described it, to ask the connector for its data. A type the
     * protocol does not name comes back as {@code OTHER}, without the institution's word.
     */
    public Account toConnector() {
        return Account.builder().externalId(externalId).number(number).name(originalName)
                .type(WireNames.accountType(type)).balance(balance).coming(coming).currency(currency).iban(iban).bic(bic)
                .usage(WireNames.usage(usage)).ownership(WireNames.ownership(ownership)).companyName(companyName)
                .openingDate(openingDate).parentExternalId(parentExternalId)
                .loan(loan == null ? null : loan.toConnector()).build();
    }

    /** Whether the account holds investments (market, life insurance, savings plans…), by its type. */
    public boolean invested() {
        return AccountTypes.isInvest(type);
    }
}
