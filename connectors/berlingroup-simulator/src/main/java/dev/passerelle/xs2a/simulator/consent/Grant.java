package dev.passerelle.xs2a.simulator.consent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passerelle.xs2a.simulator.bank.BankAccount;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an authorised consent allows, resolved against the PSU's accounts: which accounts may be
 * listed and read, whose balances and whose transactions. A consent on the list of available accounts
 * allows the list only ({@code listOnly}), with balances when it was {@code availableAccountsWithBalance}.
 */
public record Grant(Set<String> accounts, Set<String> balances, Set<String> transactions, boolean listOnly) {

    public Grant {
        accounts = Set.copyOf(accounts);
        balances = Set.copyOf(balances);
        transactions = Set.copyOf(transactions);
    }

    /**
     * @param chosen the accounts the PSU picked at the bank for a bank-offered consent (all of them
     *               when the approach has no page to pick them on)
     */
    public static Grant resolve(AccessRequest access, List<BankAccount> psuAccounts, Set<String> chosen) {
        List<BankAccount> eligible = psuAccounts.stream()
                .filter(a -> access.restrictedTo().isEmpty() || access.restrictedTo().contains(a.cashAccountType()))
                .toList();
        Set<String> all = ids(eligible);
        return switch (access.kind()) {
            case ALL_PSD2 -> new Grant(all, all, all, false);
            case AVAILABLE_ACCOUNTS -> new Grant(all, access.withBalance() ? all : Set.of(), Set.of(), true);
            case BANK_OFFERED -> {
                Set<String> picked = new LinkedHashSet<>(all);
                picked.retainAll(chosen);
                yield new Grant(picked, picked, picked, false);
            }
            case DEDICATED -> {
                Set<String> balances = designated(access.balances(), psuAccounts);
                Set<String> transactions = designated(access.transactions(), psuAccounts);
                Set<String> accounts = designated(access.accounts(), psuAccounts);
                accounts.addAll(balances);
                accounts.addAll(transactions);
                yield new Grant(accounts, balances, transactions, false);
            }
        };
    }

    private static Set<String> designated(List<JsonNode> references,
                                          List<BankAccount> psuAccounts) {
        Set<String> ids = new LinkedHashSet<>();
        for (BankAccount account : psuAccounts) {
            if (references.stream().anyMatch(reference -> AccessRequest.designates(reference, account))) {
                ids.add(account.resourceId());
            }
        }
        return ids;
    }

    private static Set<String> ids(List<BankAccount> accounts) {
        Set<String> ids = new LinkedHashSet<>();
        accounts.forEach(a -> ids.add(a.resourceId()));
        return ids;
    }
}
