package dev.passerelle.server.accounts;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.Ownership;
import dev.passerelle.server.connections.ConnectionView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;

/**
 * A bank account on the wire (docs/protocol.md §7.1 {@code BankAccount}); {@code type} is the type's
 * name. Expanded members ({@code connection}) follow the fixed ones.
 */
@Schema(description = "A bank account (docs/protocol.md §7.1); expand=connection adds its connection.")
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
        LoanView loan,
        @Schema(hidden = true) @JsonAnyGetter Map<String, Object> expanded) {

    static AccountView of(AccountRow a) {
        return new AccountView(a.id(), a.idConnection(), a.idUser(), a.idSource(), a.idParent(), a.number(),
                a.originalName(), a.name(), a.balance(), a.coming(), CurrencyView.of(a.currency()), a.type(),
                AccountTypes.idOf(a.type()), a.usage(), a.ownership(), a.companyName(), a.iban(), a.bic(),
                a.openingDate(), a.display(), a.bookmarked(), a.error(), a.lastUpdate(), a.created(), a.deleted(),
                a.disabled(), LoanView.of(a.loan()), Map.of());
    }

    /** This account with its connection ({@code expand=connection}). */
    AccountView withConnection(ConnectionView connection) {
        return new AccountView(id, idConnection, idUser, idSource, idParent, number, originalName, name, balance, coming,
                currency, type, idType, usage, ownership, companyName, iban, bic, openingDate, display, bookmarked, error,
                lastUpdate, created, deleted, disabled, loan, Collections.singletonMap("connection", connection));
    }
}
