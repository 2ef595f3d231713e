package dev.passerelle.server.accounts;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.Ownership;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A bank account on the wire (docs/protocol.md §7.1 {@code BankAccount}); {@code type} is the type's name. */
public record AccountView(
        long id,
        long idConnection,
        long idUser,
        Long idSource,
        Long idParent,
        String number,
        String originalName,
        String name,
        BigDecimal balance,
        BigDecimal coming,
        CurrencyView currency,
        @Schema(implementation = AccountType.class) String type,
        int idType,
        @Schema(implementation = AccountUsage.class) String usage,
        @Schema(implementation = Ownership.class) String ownership,
        String companyName,
        String iban,
        String bic,
        LocalDate openingDate,
        boolean display,
        boolean bookmarked,
        String error,
        Instant lastUpdate,
        Instant created,
        Instant deleted,
        Instant disabled,
        LoanView loan) {

    static AccountView of(AccountRow a) {
        return new AccountView(a.id(), a.idConnection(), a.idUser(), a.idSource(), a.idParent(), a.number(),
                a.originalName(), a.name(), a.balance(), a.coming(), CurrencyView.of(a.currency()), a.type(),
                AccountTypes.idOf(a.type()), a.usage(), a.ownership(), a.companyName(), a.iban(), a.bic(),
                a.openingDate(), a.display(), a.bookmarked(), a.error(), a.lastUpdate(), a.created(), a.deleted(),
                a.disabled(), LoanView.of(a.loan()));
    }
}
