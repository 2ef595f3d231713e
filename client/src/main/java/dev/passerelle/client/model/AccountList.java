package dev.passerelle.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@code GET …/accounts}: the accounts, and per currency the sums of the enabled ones. */
public record AccountList(List<Account> accounts, int total, Map<String, BigDecimal> balances,
                          Map<String, BigDecimal> comingBalances) {
}
