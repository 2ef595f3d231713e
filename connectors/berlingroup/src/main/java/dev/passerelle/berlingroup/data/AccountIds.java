package dev.passerelle.berlingroup.data;

import dev.passerelle.berlingroup.transport.Json;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The external id of an account: its identifier (IBAN, BBAN, PAN, masked PAN, MSISDN, the bank's own
 * identification) and currency, so that it survives a new consent. A {@code resourceId} is the bank's
 * id of the resource, which the guidelines let change from one consent to the next: it is used only
 * when the bank gives nothing else.
 */
public final class AccountIds {

    private AccountIds() {
    }

    /** The external id of an {@code accountDetails} or {@code cardAccountDetails}. */
    public static String externalId(JsonNode details) {
        String identifier = identifier(details).or(() -> Json.text(details, "resourceId")).orElseThrow(() ->
                new IllegalArgumentException("an account has neither an identifier nor a resourceId"));
        return Json.text(details, "currency").map(currency -> identifier + ":" + currency.toUpperCase(Locale.ROOT))
                .orElse(identifier);
    }

    /** The account's identifier, upper case without spaces: IBAN, BBAN, PAN, masked PAN, MSISDN, other. */
    public static Optional<String> identifier(JsonNode details) {
        return Stream.of("iban", "bban", "pan", "maskedPan", "msisdn")
                .map(field -> Json.text(details, field)).flatMap(Optional::stream).findFirst()
                .or(() -> Json.text(details.path("other"), "identification"))
                .map(value -> value.replace(" ", "").toUpperCase(Locale.ROOT));
    }
}
