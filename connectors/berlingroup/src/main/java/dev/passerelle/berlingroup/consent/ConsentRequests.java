package dev.passerelle.berlingroup.consent;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.ConsentModel;
import dev.passerelle.berlingroup.session.KnownAccount;
import dev.passerelle.berlingroup.transport.Json;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of {@code POST /v1/consents} (implementation guidelines, "Establish Account Information
 * Consent"), by consent model.
 */
final class ConsentRequests {

    /** The guidelines' way to ask for the longest validity the bank grants. */
    static final LocalDate LONGEST = LocalDate.of(9999, 12, 31);

    private ConsentRequests() {
    }

    /** The one-off consent on the list of available accounts (with balances where the bank offers them). */
    static ObjectNode listing(Aspsp bank, LocalDate today) {
        ObjectNode access = JsonNodeFactory.instance.objectNode();
        access.put(bank.consent().availableAccountsWithBalance() ? "availableAccountsWithBalance" : "availableAccounts",
                "allAccounts");
        // One access today: the guidelines' example of a consent on the account list.
        return body(access, false, today.plusDays(1), 1);
    }

    /** The recurring consent of the bank's model: every PSD2 account, or the bank's pages choose. */
    static ObjectNode recurring(Aspsp bank, LocalDate today) {
        ObjectNode access = JsonNodeFactory.instance.objectNode();
        if (bank.consent().model() == ConsentModel.GLOBAL) {
            access.put("allPsd2", "allAccounts");
        } else {
            access.putArray("accounts");
            access.putArray("balances");
            access.putArray("transactions");
        }
        return body(access, true, validUntil(bank, today), bank.consent().frequencyPerDay());
    }

    /** The recurring consent on exactly these accounts: their details, balances and transactions. */
    static ObjectNode dedicated(Aspsp bank, LocalDate today, List<KnownAccount> accounts) {
        ObjectNode access = JsonNodeFactory.instance.objectNode();
        ArrayNode details = access.putArray("accounts");
        ArrayNode balances = access.putArray("balances");
        ArrayNode transactions = access.putArray("transactions");
        for (KnownAccount account : accounts) {
            ObjectNode reference = reference(account.details());
            details.add(reference);
            balances.add(reference.deepCopy());
            transactions.add(reference.deepCopy());
        }
        return body(access, true, validUntil(bank, today), bank.consent().frequencyPerDay());
    }

    /** An {@code accountReference}: the account's identifier and, for a multi-currency account, its currency. */
    static ObjectNode reference(JsonNode details) {
        ObjectNode reference = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("iban", "bban", "pan", "maskedPan", "msisdn")) {
            if (Json.text(details, field).isPresent()) {
                reference.put(field, Json.text(details, field).get());
                break;
            }
        }
        if (reference.isEmpty() && details.path("other").isObject()) {
            reference.set("other", details.get("other").deepCopy());
        }
        Json.text(details, "currency").ifPresent(currency -> reference.put("currency", currency));
        return reference;
    }

    private static LocalDate validUntil(Aspsp bank, LocalDate today) {
        return bank.consent().validity() == null ? LONGEST : today.plusDays(bank.consent().validity().toDays());
    }

    private static ObjectNode body(ObjectNode access, boolean recurring, LocalDate validUntil, int frequencyPerDay) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("access", access);
        body.put("recurringIndicator", recurring);
        body.put("validUntil", validUntil.toString());
        body.put("frequencyPerDay", frequencyPerDay);
        body.put("combinedServiceIndicator", false);
        return body;
    }
}
