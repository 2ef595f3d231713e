package dev.passerelle.xs2a.simulator.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.bank.BankAccount;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.http.Response;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import dev.passerelle.xs2a.simulator.sca.Authorisation;
import dev.passerelle.xs2a.simulator.sca.ScaApproach;
import dev.passerelle.xs2a.simulator.sca.ScaFlows;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /v1/consents[/{consentId}[/status]]}: create a consent (the bank picks the SCA approach and
 * caps {@code validUntil}), read it, read its status, delete it.
 */
public final class ConsentEndpoints {

    private final Bank bank;
    private final ScaFlows flows;

    public ConsentEndpoints(Bank bank, ScaFlows flows) {
        this.bank = bank;
        this.flows = flows;
    }

    /** POST /v1/consents: 201 with the links of the next step (implicit start unless explicit is asked for). */
    public Response create(Call call) {
        if (call.header("PSU-IP-Address").isEmpty()) {
            // Mandatory here (OpenAPI file, PSU-IP-Address_mandatory): a consent is asked for with the PSU present.
            throw Xs2aException.formatError("PSU-IP-Address", "The PSU-IP-Address header is required.");
        }
        JsonNode body = call.json();
        AccessRequest access = AccessRequest.parse(body.get("access"));
        boolean recurring = requiredBoolean(body, "recurringIndicator");
        boolean combined = requiredBoolean(body, "combinedServiceIndicator");
        LocalDate requested = requiredDate(body, "validUntil");
        JsonNode frequency = body.get("frequencyPerDay");
        if (frequency == null || !frequency.isIntegralNumber() || frequency.asInt() < 1) {
            throw Xs2aException.formatError("frequencyPerDay", "frequencyPerDay must be an integer of at least 1.");
        }
        if (combined && !bank.options().combinedServiceSupported()) {
            throw Xs2aException.of(TppMessageCode.SESSIONS_NOT_SUPPORTED,
                    "This bank does not support combined AIS and PIS sessions.");
        }
        LocalDate today = bank.today();
        if (requested.isBefore(today)) {
            throw Xs2aException.of(TppMessageCode.PERIOD_INVALID, "validUntil lies in the past.");
        }
        LocalDate maximum = today.plus(bank.options().maxConsentValidity());
        LocalDate validUntil = requested.isAfter(maximum) ? maximum : requested;

        Optional<String> psu = call.header("PSU-ID").filter(id -> !id.isBlank());
        if (psu.isEmpty() && bank.options().psuIdRequired()) {
            throw Xs2aException.formatError("PSU-ID", "This bank requires the PSU-ID header on consent requests.");
        }
        ScaApproach approach = approach(call, psu);
        Optional<String> redirectUri = uri(call, "TPP-Redirect-URI");
        Optional<String> nokRedirectUri = uri(call, "TPP-Nok-Redirect-URI");
        if (approach == ScaApproach.REDIRECT && redirectUri.isEmpty()) {
            throw Xs2aException.formatError("TPP-Redirect-URI",
                    "TPP-Redirect-URI is required: this bank authorises the consent by redirect.");
        }
        Consent consent = new Consent(UUID.randomUUID().toString(), access, recurring, validUntil, frequency.asInt(),
                approach, psu.orElse(null), bank.now(), today, redirectUri.orElse(null), nokRedirectUri.orElse(null));
        bank.consents().add(consent);

        ObjectNode response = Json.object();
        response.put("consentStatus", consent.status().wire());
        response.put("consentId", consent.id());
        ObjectNode links = Json.object();
        String self = "/v1/consents/" + consent.id();
        boolean explicit = bank.options().explicitStartRequired()
                || call.header("TPP-Explicit-Authorisation-Preferred").map(Boolean::parseBoolean).orElse(false)
                || approach == ScaApproach.EMBEDDED
                || (approach == ScaApproach.DECOUPLED && psu.isEmpty());
        if (explicit) {
            String start = switch (approach) {
                case EMBEDDED -> "startAuthorisationWithPsuAuthentication";
                case DECOUPLED -> psu.isEmpty() ? "startAuthorisationWithPsuIdentification" : "startAuthorisation";
                default -> "startAuthorisation";
            };
            Json.link(links, start, bank.href(self + "/authorisations"));
        } else {
            Authorisation authorisation = flows.create(consent, psu, redirectUri, nokRedirectUri);
            flows.addLinks(links, consent, authorisation);
            if (approach == ScaApproach.DECOUPLED) {
                response.put("psuMessage", "Please confirm the access in your banking app.");
            }
        }
        Json.link(links, "self", bank.href(self));
        Json.link(links, "status", bank.href(self + "/status"));
        response.set("_links", links);
        return Response.json(201, response)
                .withHeader("Location", bank.href(self))
                .withHeader("ASPSP-SCA-Approach", approach.header());
    }

    /** GET /v1/consents/{id}: the consent as granted (a bank-offered one lists the accounts the PSU picked). */
    public Response get(Call call) {
        Consent consent = consent(call);
        ObjectNode body = Json.object();
        body.set("access", grantedAccess(consent));
        body.put("recurringIndicator", consent.recurring());
        body.put("validUntil", consent.validUntil().toString());
        body.put("frequencyPerDay", consent.frequencyPerDay());
        body.put("lastActionDate", consent.lastActionDate().toString());
        body.put("consentStatus", consent.status().wire());
        if (consent.status() == ConsentStatus.VALID) {
            ObjectNode links = body.putObject("_links");
            Json.link(links, "account", bank.href("/v1/accounts"));
            Json.link(links, "card-account", bank.href("/v1/card-accounts"));
        }
        return Response.json(200, body);
    }

    public Response status(Call call) {
        Consent consent = consent(call);
        ObjectNode body = Json.object();
        body.put("consentStatus", consent.status().wire());
        return Response.json(200, body);
    }

    /** DELETE: the TPP terminates the consent (204); it cannot be used any more. */
    public Response delete(Call call) {
        bank.consents().terminate(consent(call));
        return Response.noContent();
    }

    private Consent consent(Call call) {
        return bank.consents().find(call.pathParam("consentId")).orElseThrow(() ->
                Xs2aException.withStatus(TppMessageCode.CONSENT_UNKNOWN, 403, "Unknown consent."));
    }

    private JsonNode grantedAccess(Consent consent) {
        AccessRequest access = consent.access();
        Optional<Grant> grant = consent.grant();
        if (access.kind() != AccessRequest.Kind.BANK_OFFERED || grant.isEmpty() || consent.psuId().isEmpty()) {
            return access.json();
        }
        List<BankAccount> accounts = bank.accountsOf(consent.psuId().get());
        ObjectNode granted = Json.object();
        ArrayNode list = granted.putArray("accounts");
        ArrayNode balances = granted.putArray("balances");
        ArrayNode transactions = granted.putArray("transactions");
        for (BankAccount account : accounts) {
            ObjectNode reference = Json.object();
            if (account.card()) {
                reference.put("maskedPan", account.maskedPan());
            } else {
                reference.put("iban", account.iban());
            }
            reference.put("currency", account.currency());
            if (grant.get().accounts().contains(account.resourceId())) {
                list.add(reference);
            }
            if (grant.get().balances().contains(account.resourceId())) {
                balances.add(reference);
            }
            if (grant.get().transactions().contains(account.resourceId())) {
                transactions.add(reference);
            }
        }
        return granted;
    }

    /**
     * The approach: the one the PSU's scenario imposes, else the TPP's preference among those the bank
     * supports (TPP-Decoupled-Preferred, TPP-Redirect-Preferred=false), else the bank's redirect approach.
     */
    private ScaApproach approach(Call call, Optional<String> psu) {
        if (psu.isPresent() && bank.scenarios().knows(psu.get())) {
            PsuScenario scenario = bank.scenario(psu.get());
            if (scenario.approach() != null) {
                return scenario.approach();
            }
        }
        Optional<Boolean> redirectPreferred = booleanHeader(call, "TPP-Redirect-Preferred");
        Optional<Boolean> decoupledPreferred = booleanHeader(call, "TPP-Decoupled-Preferred");
        var supported = bank.options().supportedApproaches();
        if (decoupledPreferred.orElse(false) && supported.contains(ScaApproach.DECOUPLED)) {
            return ScaApproach.DECOUPLED;
        }
        if (!redirectPreferred.orElse(true)) {
            if (supported.contains(ScaApproach.EMBEDDED)) {
                return ScaApproach.EMBEDDED;
            }
            if (supported.contains(ScaApproach.DECOUPLED)) {
                return ScaApproach.DECOUPLED;
            }
        }
        return bank.options().redirectApproach();
    }

    private static Optional<Boolean> booleanHeader(Call call, String name) {
        return call.header(name).map(value -> switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Xs2aException.formatError(name, name + " must be true or false.");
        });
    }

    private static Optional<String> uri(Call call, String header) {
        return call.header(header).map(value -> {
            try {
                URI uri = URI.create(value);
                if (!uri.isAbsolute()) {
                    throw new IllegalArgumentException();
                }
                return value;
            } catch (IllegalArgumentException e) {
                throw Xs2aException.formatError(header, header + " must be an absolute URI.");
            }
        });
    }

    private static boolean requiredBoolean(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw Xs2aException.formatError(field, field + " is required and must be true or false.");
        }
        return value.asBoolean();
    }

    private static LocalDate requiredDate(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw Xs2aException.formatError(field, field + " is required (ISO date, e.g. 2030-12-31).");
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw Xs2aException.formatError(field, field + " must be an ISO date (YYYY-MM-DD).");
        }
    }
}
