package dev.passerelle.xs2a.simulator.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.consent.Grant;
import dev.passerelle.xs2a.simulator.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The bank's books in the OpenAPI file's shapes: accountDetails, cardAccountDetails, balance, transactions, cardTransaction. */
final class AccountViews {

    private final Bank bank;

    AccountViews(Bank bank) {
        this.bank = bank;
    }

    static String basePath(BankAccount account) {
        return (account.card() ? "/v1/card-accounts/" : "/v1/accounts/") + account.resourceId();
    }

    ObjectNode details(BankAccount account, Grant grant, boolean withBalance, boolean ownerName) {
        ObjectNode node = Json.object();
        node.put("resourceId", account.resourceId());
        if (account.card()) {
            node.put("maskedPan", account.maskedPan());
        } else {
            node.put("iban", account.iban());
        }
        node.put("currency", account.currency());
        node.put("name", account.name());
        node.put("product", account.product());
        if (account.card()) {
            node.set("creditLimit", amount(account.overdraft(), account.currency()));
        } else {
            node.put("cashAccountType", account.cashAccountType());
            node.put("bic", bank.options().bic());
        }
        node.put("status", "enabled");
        node.put("usage", "PRIV");
        if (ownerName) {
            node.put("ownerName", account.ownerName());
        }
        if (withBalance && grant.balances().contains(account.resourceId())) {
            node.set("balances", balances(account));
        }
        ObjectNode links = Json.object();
        if (!grant.listOnly() && grant.balances().contains(account.resourceId())) {
            Json.link(links, "balances", bank.href(basePath(account) + "/balances"));
        }
        if (!grant.listOnly() && grant.transactions().contains(account.resourceId())) {
            Json.link(links, "transactions", bank.href(basePath(account) + "/transactions"));
        }
        if (!links.isEmpty()) {
            node.set("_links", links);
        }
        return node;
    }

    ObjectNode reference(BankAccount account) {
        ObjectNode node = Json.object();
        if (account.card()) {
            node.put("maskedPan", account.maskedPan());
        } else {
            node.put("iban", account.iban());
        }
        node.put("currency", account.currency());
        return node;
    }

    ArrayNode balances(BankAccount account) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Balance balance : bank.data().balances(account, bank.today(), bank.now())) {
            ObjectNode node = list.addObject();
            node.set("balanceAmount", amount(balance.amount(), balance.currency()));
            node.put("balanceType", balance.type());
            if (balance.creditLimitIncluded() != null) {
                node.put("creditLimitIncluded", balance.creditLimitIncluded());
            }
            if (balance.lastChangeDateTime() != null) {
                node.put("lastChangeDateTime", balance.lastChangeDateTime().toString());
            }
            node.put("referenceDate", balance.referenceDate().toString());
            if (balance.lastCommittedTransaction() != null) {
                node.put("lastCommittedTransaction", balance.lastCommittedTransaction());
            }
        }
        return list;
    }

    /** One entry of a payment account ({@code transactions} schema); without ids when {@code withIds} is false. */
    ObjectNode transaction(BankAccount account, BankTransaction entry, boolean withIds) {
        ObjectNode node = Json.object();
        if (withIds) {
            node.put("transactionId", entry.transactionId());
            if (entry.entryReference() != null) {
                node.put("entryReference", entry.entryReference());
            }
        }
        if (entry.endToEndId() != null) {
            node.put("endToEndId", entry.endToEndId());
        }
        if (entry.mandateId() != null) {
            node.put("mandateId", entry.mandateId());
            node.put("creditorId", entry.creditorId());
        }
        if (entry.bookingDate() != null) {
            node.put("bookingDate", entry.bookingDate().toString());
        }
        node.put("valueDate", entry.valueDate().toString());
        node.set("transactionAmount", amount(entry.amount(), entry.currency()));
        String party = entry.credit() ? "debtor" : "creditor";
        node.put(party + "Name", entry.counterpartyName());
        if (entry.counterpartyIban() != null) {
            node.putObject(party + "Account").put("iban", entry.counterpartyIban());
        }
        node.put("remittanceInformationUnstructured", entry.remittance());
        if (entry.bankCode() != null) {
            node.put("proprietaryBankTransactionCode", entry.bankCode());
        }
        if (withIds) {
            Json.link(node.putObject("_links"), "transactionDetails",
                    bank.href(basePath(account) + "/transactions/" + entry.transactionId()));
        }
        return node;
    }

    /** One entry of a card account ({@code cardTransaction} schema). */
    ObjectNode cardTransaction(BankAccount account, BankTransaction entry, boolean withIds) {
        ObjectNode node = Json.object();
        if (withIds) {
            node.put("cardTransactionId", entry.transactionId());
        }
        node.put("transactionDate", entry.transactionDate().toString());
        if (entry.bookingDate() != null) {
            node.put("bookingDate", entry.bookingDate().toString());
        }
        node.set("transactionAmount", amount(entry.amount(), entry.currency()));
        node.put("merchantCategoryCode", entry.merchantCategoryCode());
        node.put("maskedPAN", account.maskedPan());
        node.put("transactionDetails", entry.counterpartyName());
        node.put("invoiced", false);
        return node;
    }

    static ObjectNode amount(BigDecimal value, String currency) {
        ObjectNode node = Json.object();
        node.put("currency", currency);
        node.put("amount", value.setScale(2, RoundingMode.HALF_UP).toPlainString());
        return node;
    }

    static boolean asksOwnerName(JsonNode access) {
        return List.of("availableAccounts", "availableAccountsWithBalance", "allPsd2").stream()
                .anyMatch(field -> access.path(field).asText("").equals("allAccountsWithOwnerName"));
    }
}
