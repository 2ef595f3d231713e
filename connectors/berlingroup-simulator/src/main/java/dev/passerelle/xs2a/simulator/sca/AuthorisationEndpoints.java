package dev.passerelle.xs2a.simulator.sca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.http.Response;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import java.util.Optional;

/**
 * {@code /v1/consents/{consentId}/authorisations[/{authorisationId}]}: start an authorisation (with or
 * without PSU data), update PSU data (PSU-ID, password, SCA method, TAN), list them, read {@code scaStatus}.
 */
public final class AuthorisationEndpoints {

    private final Bank bank;
    private final ScaFlows flows;

    public AuthorisationEndpoints(Bank bank, ScaFlows flows) {
        this.bank = bank;
        this.flows = flows;
    }

    /** POST: 201 with the new authorisation; the body may already carry the first step's data. */
    public Response start(Call call) {
        Consent consent = consent(call);
        JsonNode body = call.jsonOrEmpty();
        synchronized (consent) {
            ScaFlows.requireReceived(consent);
            Optional<String> psu = call.header("PSU-ID");
            if ((consent.approach() == ScaApproach.EMBEDDED || consent.approach() == ScaApproach.DECOUPLED)
                    && psu.or(consent::psuId).isEmpty()) {
                throw Xs2aException.formatError("PSU-ID",
                        "The PSU-ID header is required for the " + consent.approach().name().toLowerCase() + " approach.");
            }
            Authorisation authorisation = flows.create(consent, psu, call.header("TPP-Redirect-URI"),
                    call.header("TPP-Nok-Redirect-URI"));
            ObjectNode step = step(consent, authorisation, body);
            return Response.json(201, flows.started(consent, authorisation, step))
                    .withHeader("ASPSP-SCA-Approach", consent.approach().header());
        }
    }

    /** PUT: the next step of an embedded or decoupled SCA. */
    public Response update(Call call) {
        Consent consent = consent(call);
        Authorisation authorisation = authorisation(call, consent);
        JsonNode body = call.jsonOrEmpty();
        synchronized (consent) {
            ObjectNode result;
            if (body.isEmpty()) {
                String psu = call.header("PSU-ID").orElseThrow(() -> Xs2aException.formatError("PSU-ID",
                        "An empty update identifies the PSU: the PSU-ID header is required."));
                result = flows.identify(consent, authorisation, psu);
            } else {
                if (authorisation.approach() != ScaApproach.EMBEDDED) {
                    throw Xs2aException.of(TppMessageCode.SERVICE_INVALID,
                            "PSU data can only be updated for the embedded approach.");
                }
                call.header("PSU-ID").ifPresent(psu -> {
                    if (authorisation.psuId().isEmpty()) {
                        authorisation.psuId(psu);
                        consent.identify(psu);
                    }
                });
                result = step(consent, authorisation, body);
                if (result.isEmpty()) {
                    throw Xs2aException.formatError(null, "Send psuData.password, authenticationMethodId or "
                            + "scaAuthenticationData.");
                }
            }
            return Response.json(200, result).withHeader("ASPSP-SCA-Approach", authorisation.approach().header());
        }
    }

    public Response list(Call call) {
        Consent consent = consent(call);
        ObjectNode body = Json.object();
        consent.authorisations().forEach(a -> body.withArray("authorisationIds").add(a.id()));
        if (!body.has("authorisationIds")) {
            body.putArray("authorisationIds");
        }
        return Response.json(200, body);
    }

    /** GET {@code scaStatus}; a decoupled SCA moves on here once its scripted delay has passed. */
    public Response status(Call call) {
        Consent consent = consent(call);
        Authorisation authorisation = authorisation(call, consent);
        synchronized (consent) {
            flows.progress(consent, authorisation);
            ObjectNode body = Json.object();
            body.put("scaStatus", authorisation.status().wire());
            if (authorisation.approach() == ScaApproach.DECOUPLED && authorisation.status() == ScaStatus.STARTED) {
                body.put("psuMessage", "Waiting for the PSU to confirm in the banking app.");
            }
            return Response.json(200, body);
        }
    }

    /** The PNG challenge of a PHOTO_OTP method ({@code challengeData.imageLink}). */
    public Response challengeImage(Call call) {
        String id = call.pathParam("authorisationId");
        Authorisation authorisation = bank.consents().byAuthorisation(id).flatMap(c -> c.authorisation(id))
                .filter(a -> a.chosenMethod().filter(m -> m.visual()).isPresent())
                .orElseThrow(() -> Xs2aException.of(TppMessageCode.RESOURCE_UNKNOWN, "No image challenge here."));
        return Response.png(flows.challengeImage(authorisation));
    }

    /** What a body carries: a password, a method, a TAN, or nothing (an empty result). */
    private ObjectNode step(Consent consent, Authorisation authorisation, JsonNode body) {
        if (body.has("psuData")) {
            JsonNode password = body.path("psuData").path("password");
            if (!password.isTextual() || password.asText().isEmpty()) {
                throw Xs2aException.formatError("psuData.password", "psuData.password is required.");
            }
            requireEmbedded(authorisation);
            return flows.authenticate(consent, authorisation, password.asText());
        }
        if (body.has("authenticationMethodId")) {
            requireEmbedded(authorisation);
            return flows.selectMethod(consent, authorisation, body.get("authenticationMethodId").asText());
        }
        if (body.has("scaAuthenticationData")) {
            requireEmbedded(authorisation);
            return flows.authoriseTransaction(consent, authorisation, body.get("scaAuthenticationData").asText());
        }
        if (body.has("confirmationCode")) {
            throw Xs2aException.of(TppMessageCode.PARAMETER_NOT_SUPPORTED,
                    "This bank does not use authorisation confirmation.");
        }
        return Json.object();
    }

    private static void requireEmbedded(Authorisation authorisation) {
        if (authorisation.approach() != ScaApproach.EMBEDDED) {
            throw Xs2aException.of(TppMessageCode.SERVICE_INVALID,
                    "PSU authentication data only applies to the embedded approach.");
        }
    }

    private Consent consent(Call call) {
        return bank.consents().find(call.pathParam("consentId")).orElseThrow(() ->
                Xs2aException.withStatus(TppMessageCode.CONSENT_UNKNOWN, 403, "Unknown consent."));
    }

    private static Authorisation authorisation(Call call, Consent consent) {
        return consent.authorisation(call.pathParam("authorisationId")).orElseThrow(() ->
                Xs2aException.of(TppMessageCode.RESOURCE_UNKNOWN, "Unknown authorisation of this consent."));
    }
}
