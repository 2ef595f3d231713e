package dev.passerelle.xs2a.simulator.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.bank.BankAccount;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code access} object of a consent request (schema {@code accountAccess}), checked and classified:
 * dedicated accounts, the bank-offered consent (empty arrays: the PSU picks accounts at the bank), the
 * list of available accounts, or all PSD2 accounts.
 */
public record AccessRequest(Kind kind, ObjectNode json, List<JsonNode> accounts, List<JsonNode> balances,
                            List<JsonNode> transactions, boolean withBalance, Set<String> restrictedTo) {

    public enum Kind {
        DEDICATED,
        BANK_OFFERED,
        AVAILABLE_ACCOUNTS,
        ALL_PSD2
    }

    private static final Set<String> ALL_ACCOUNTS_VALUES = Set.of("allAccounts", "allAccountsWithOwnerName");

    public static AccessRequest parse(JsonNode access) {
        if (access == null || !access.isObject()) {
            throw Xs2aException.formatError("access", "access must be an object.");
        }
        List<JsonNode> accounts = references(access, "accounts");
        List<JsonNode> balances = references(access, "balances");
        List<JsonNode> transactions = references(access, "transactions");
        Set<String> restrictedTo = new LinkedHashSet<>();
        JsonNode restricted = access.get("restrictedTo");
        if (restricted != null) {
            if (!restricted.isArray()) {
                throw Xs2aException.formatError("access.restrictedTo", "restrictedTo must be an array of account types.");
            }
            restricted.forEach(type -> restrictedTo.add(type.asText()));
        }
        String available = allAccountsValue(access, "availableAccounts");
        String availableWithBalance = allAccountsValue(access, "availableAccountsWithBalance");
        String allPsd2 = allAccountsValue(access, "allPsd2");
        boolean anyReference = !accounts.isEmpty() || !balances.isEmpty() || !transactions.isEmpty();
        boolean anyArray = access.has("accounts") || access.has("balances") || access.has("transactions");
        if (!restrictedTo.isEmpty() && anyReference) {
            throw Xs2aException.of(TppMessageCode.PARAMETER_NOT_CONSISTENT,
                    "restrictedTo may only be used when accounts, balances and transactions are absent or empty.");
        }
        Kind kind;
        if (allPsd2 != null) {
            kind = Kind.ALL_PSD2;
        } else if (available != null || availableWithBalance != null) {
            kind = Kind.AVAILABLE_ACCOUNTS;
        } else if (anyReference) {
            kind = Kind.DEDICATED;
        } else if (anyArray) {
            kind = Kind.BANK_OFFERED;
        } else {
            throw Xs2aException.formatError("access", "access must name accounts, balances or transactions, or use "
                    + "availableAccounts, availableAccountsWithBalance or allPsd2.");
        }
        if ((kind == Kind.ALL_PSD2 || kind == Kind.AVAILABLE_ACCOUNTS) && anyReference) {
            throw Xs2aException.of(TppMessageCode.PARAMETER_NOT_CONSISTENT,
                    "availableAccounts, availableAccountsWithBalance and allPsd2 cannot be combined with account references.");
        }
        return new AccessRequest(kind, access.deepCopy(), accounts, balances, transactions,
                availableWithBalance != null, Set.copyOf(restrictedTo));
    }

    private static String allAccountsValue(JsonNode access, String field) {
        JsonNode value = access.get(field);
        if (value == null) {
            return null;
        }
        if (!ALL_ACCOUNTS_VALUES.contains(value.asText())) {
            throw Xs2aException.formatError("access." + field, field + " must be allAccounts or allAccountsWithOwnerName.");
        }
        return value.asText();
    }

    private static List<JsonNode> references(JsonNode access, String field) {
        JsonNode array = access.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw Xs2aException.formatError("access." + field, field + " must be an array of account references.");
        }
        List<JsonNode> references = new ArrayList<>();
        for (JsonNode reference : array) {
            if (!reference.isObject() || !(reference.has("iban") || reference.has("bban") || reference.has("pan")
                    || reference.has("maskedPan") || reference.has("msisdn"))) {
                throw Xs2aException.formatError("access." + field,
                        "Each account reference needs an iban, bban, pan, maskedPan or msisdn.");
            }
            references.add(reference);
        }
        return references;
    }

    /** Whether {@code reference} (an accountReference object) designates {@code account}. */
    public static boolean designates(JsonNode reference, BankAccount account) {
        if (account.card()) {
            String masked = account.maskedPan();
            return reference.path("maskedPan").asText("").equals(masked)
                    || (reference.has("pan") && maskedFrom(reference.get("pan").asText()).equals(masked));
        }
        return reference.path("iban").asText("").replace(" ", "").equalsIgnoreCase(account.iban());
    }

    private static String maskedFrom(String pan) {
        return pan.length() < 10 ? pan : pan.substring(0, 6) + "******" + pan.substring(pan.length() - 4);
    }
}
