package dev.passerelle.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code GET …/accounts}: the accounts, and per currency the sums of the enabled ones. {@code accounts}
 * is required: an answer without it is unreadable, not a user without accounts.
 */
public record AccountList(@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) List<Account> accounts,
                          int total, Map<String, BigDecimal> balances, Map<String, BigDecimal> comingBalances) {
}
