package dev.passerelle.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A bank account (docs/data.md). Discovered accounts arrive {@link #disabled()}: the user has not
 * consented yet and none of their transactions is fetched until they are enabled.
 * {@code transactions} is only set in webhook bodies ({@code ACCOUNT_SYNCED}, {@code CONNECTION_SYNCED});
 * {@code connection} only when asked with {@code expand=connection}.
 */
public record Account(long id, Long idConnection, Long idUser, Long idSource, Long idParent, String number,
                      String originalName, String name, BigDecimal balance, BigDecimal coming, Currency currency,
                      String type, Integer idType, String usage, String ownership, String companyName, String iban,
                      String bic, LocalDate openingDate, Boolean display, Boolean bookmarked, String error,
                      LocalDateTime lastUpdate, LocalDateTime created, LocalDateTime deleted, LocalDateTime disabled,
                      Loan loan, List<Transaction> transactions, Connection connection) {

    public boolean enabled() {
        return disabled == null;
    }
}
