package dev.passerelle.runtime;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.Counterparty;
import dev.passerelle.connector.DocumentType;
import dev.passerelle.connector.InvestmentCodeType;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.Ownership;
import dev.passerelle.connector.TransactionType;
import java.util.Arrays;
import java.util.Locale;

/**
 * The protocol's words for the SPI's vocabularies (docs/protocol.md, docs/data.md): the one place
 * a connector's enum becomes a string on the wire or in the database, and back. {@code OTHER}
 * becomes the protocol's catch-all ({@code unknown} for account and transaction types).
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(AccountType type) {
        return type == AccountType.OTHER ? "unknown" : lower(type);
    }

    /** The type of a stored name; a name outside the vocabulary ({@code unknown}) is {@code OTHER}. */
    public static AccountType accountType(String wire) {
        return Arrays.stream(AccountType.values()).filter(t -> t != AccountType.OTHER && lower(t).equals(wire))
                .findFirst().orElse(AccountType.OTHER);
    }

    public static String of(TransactionType type) {
        return type == TransactionType.OTHER ? "unknown" : lower(type);
    }

    public static String of(AccountUsage usage) {
        return usage == null ? null : switch (usage) {
            case PRIVATE -> "PRIV";
            case ORGANISATION -> "ORGA";
            case ASSOCIATION -> "ASSO";
        };
    }

    public static AccountUsage usage(String wire) {
        return wire == null ? null : Arrays.stream(AccountUsage.values()).filter(u -> of(u).equals(wire)).findFirst()
                .orElse(null);
    }

    public static String of(Ownership ownership) {
        return ownership == null ? null : lower(ownership).replace('_', '-');
    }

    public static Ownership ownership(String wire) {
        return wire == null ? null : Arrays.stream(Ownership.values()).filter(o -> of(o).equals(wire)).findFirst()
                .orElse(null);
    }

    /** Loan kinds; a kind the protocol does not name is a plain {@code loan}. */
    public static String of(LoanType type) {
        return type == null ? null : switch (type) {
            case MORTGAGE -> "mortgage";
            case CONSUMER_CREDIT -> "consumercredit";
            case REVOLVING_CREDIT -> "revolvingcredit";
            case LOAN, OTHER -> "loan";
        };
    }

    public static LoanType loanType(String wire) {
        return wire == null ? null : Arrays.stream(LoanType.values()).filter(t -> t != LoanType.OTHER && of(t).equals(wire))
                .findFirst().orElse(LoanType.OTHER);
    }

    public static String of(Counterparty.Scheme scheme) {
        return scheme == null ? null : lower(scheme);
    }

    public static String of(Counterparty.Role role) {
        return role == null ? null : lower(role);
    }

    public static String of(DocumentType type) {
        return lower(type);
    }

    /** {@code ISIN} or {@code AMF}; an institution's own kind of code has no protocol name. */
    public static String of(InvestmentCodeType type) {
        return type == null || type == InvestmentCodeType.OTHER ? null : type.name();
    }

    public static String of(Capability capability) {
        return capability == Capability.WEALTH ? "bankwealth" : lower(capability);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
