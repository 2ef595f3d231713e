package dev.passerelle.berlingroup.data;

import dev.passerelle.connector.TransactionType;
import java.util.Locale;
import java.util.Map;

/**
 * The kind of an entry from its ISO 20022 bank transaction code ({@code bankTransactionCode}:
 * {@code Domain-Family-SubFamily}, e.g. {@code PMNT-ICDT-ESCT}); what the code does not tell is
 * {@link TransactionType#OTHER}, with the bank's code kept as raw type.
 */
final class TransactionKinds {

    /** Sub-families that decide on their own, whatever the family. */
    private static final Map<String, TransactionType> SUB_FAMILIES = Map.of(
            "CWDL", TransactionType.WITHDRAWAL,
            "CDPT", TransactionType.DEPOSIT,
            "CHRG", TransactionType.BANK,
            "FEES", TransactionType.BANK,
            "COMM", TransactionType.BANK,
            "INTR", TransactionType.BANK);

    private static final Map<String, TransactionType> FAMILIES = Map.ofEntries(
            Map.entry("ICDT", TransactionType.TRANSFER), Map.entry("RCDT", TransactionType.TRANSFER),
            Map.entry("IDDT", TransactionType.ORDER), Map.entry("RDDT", TransactionType.ORDER),
            Map.entry("CCRD", TransactionType.CARD), Map.entry("MCRD", TransactionType.CARD),
            Map.entry("ICHQ", TransactionType.CHECK), Map.entry("RCHQ", TransactionType.CHECK),
            Map.entry("CNTR", TransactionType.DEPOSIT), Map.entry("MDOP", TransactionType.BANK),
            Map.entry("LDAS", TransactionType.LOAN_REPAYMENT));

    private TransactionKinds() {
    }

    static TransactionType of(String bankTransactionCode) {
        if (bankTransactionCode == null) {
            return TransactionType.OTHER;
        }
        String[] parts = bankTransactionCode.toUpperCase(Locale.ROOT).split("-");
        if (parts.length < 2) {
            return TransactionType.OTHER;
        }
        if (parts.length >= 3 && SUB_FAMILIES.containsKey(parts[2])) {
            return SUB_FAMILIES.get(parts[2]);
        }
        return FAMILIES.getOrDefault(parts[1], TransactionType.OTHER);
    }
}
