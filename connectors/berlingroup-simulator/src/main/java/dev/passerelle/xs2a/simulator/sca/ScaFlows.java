package dev.passerelle.xs2a.simulator.sca;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.consent.ConsentStatus;
import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import dev.passerelle.xs2a.simulator.scenario.PsuScenario;
import dev.passerelle.xs2a.simulator.scenario.ScaMethodScript;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SCA of a consent, approach by approach (implementation guidelines, "Consent" and "SCA
 * approaches"): creating authorisation sub-resources, the embedded steps (password, method selection,
 * TAN), the decoupled outcome on the PSU's device, the PSU's decision on the bank's own pages, and the
 * {@code _links} that tell the TPP what to do next.
 */
public final class ScaFlows {

    private final Bank bank;

    public ScaFlows(Bank bank) {
        this.bank = bank;
    }

    /** A new authorisation sub-resource; a decoupled one starts on the PSU's device at once when the PSU is known. */
    public Authorisation create(Consent consent, Optional<String> psuId, Optional<String> redirectUri,
                                Optional<String> nokRedirectUri) {
        Optional<String> psu = psuId.or(consent::psuId);
        psu.ifPresent(consent::identify);
        Authorisation authorisation = new Authorisation(UUID.randomUUID().toString(), consent.id(), consent.approach(),
                psu.orElse(null), redirectUri.or(consent::redirectUri).orElse(null),
                nokRedirectUri.or(consent::nokRedirectUri).orElse(null));
        if (psu.isPresent()) {
            authorisation.status(ScaStatus.PSU_IDENTIFIED);
            if (consent.approach() == ScaApproach.DECOUPLED) {
                authorisation.start(bank.now());
            }
        }
        bank.consents().addAuthorisation(consent, authorisation);
        return authorisation;
    }

    /** The links of an authorisation in its current state, including {@code scaStatus}. */
    public void addLinks(ObjectNode links, Consent consent, Authorisation authorisation) {
        String href = authorisationPath(consent, authorisation);
        switch (authorisation.approach()) {
            case REDIRECT -> Json.link(links, "scaRedirect", bank.absolute("/sca/redirect/" + authorisation.id()).toString());
            case OAUTH -> Json.link(links, "scaOAuth", bank.absolute(OAuthServer.METADATA_PATH).toString());
            case DECOUPLED -> {
                if (authorisation.psuId().isEmpty()) {
                    Json.link(links, "updatePsuIdentification", bank.href(href));
                }
            }
            case EMBEDDED -> {
                switch (authorisation.status()) {
                    case RECEIVED, PSU_IDENTIFIED -> Json.link(links, "updatePsuAuthentication", bank.href(href));
                    case PSU_AUTHENTICATED -> Json.link(links, "selectAuthenticationMethod", bank.href(href));
                    case SCA_METHOD_SELECTED -> Json.link(links, "authoriseTransaction", bank.href(href));
                    default -> {
                    }
                }
            }
        }
        Json.link(links, "scaStatus", bank.href(href));
    }

    /** The body of a 201 to "start the authorisation process" ({@code startScaprocessResponse}). */
    public ObjectNode started(Consent consent, Authorisation authorisation, ObjectNode stepResult) {
        ObjectNode body = Json.object();
        body.put("scaStatus", authorisation.status().wire());
        body.put("authorisationId", authorisation.id());
        stepResult.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("scaStatus") && !field.getKey().equals("_links")) {
                body.set(field.getKey(), field.getValue());
            }
        });
        ObjectNode links = body.putObject("_links");
        addLinks(links, consent, authorisation);
        if (authorisation.approach() == ScaApproach.DECOUPLED && authorisation.status() == ScaStatus.STARTED) {
            body.put("psuMessage", "Please confirm the access in your banking app.");
        }
        return body;
    }

    /** The PSU's password, for the embedded approach: then the SCA methods, or the challenge of the only one. */
    public ObjectNode authenticate(Consent consent, Authorisation authorisation, String password) {
        requireState(authorisation, ScaStatus.RECEIVED, ScaStatus.PSU_IDENTIFIED);
        String psu = authorisation.psuId().or(consent::psuId).orElseThrow(() ->
                Xs2aException.formatError("PSU-ID", "The PSU-ID header is required to authenticate the PSU."));
        PsuScenario scenario = bank.scenario(psu);
        verifyPassword(consent, authorisation, scenario, password);
        authorisation.psuId(psu);
        authorisation.status(ScaStatus.PSU_AUTHENTICATED);
        if (scenario.scaMethods().size() == 1) {
            return select(consent, authorisation, scenario.scaMethods().getFirst());
        }
        ObjectNode body = Json.object();
        ArrayNode methods = body.putArray("scaMethods");
        scenario.scaMethods().forEach(method -> methods.add(describe(method)));
        return withStatusAndLinks(body, consent, authorisation);
    }

    /** The TPP selected one of the PSU's SCA methods: its challenge. */
    public ObjectNode selectMethod(Consent consent, Authorisation authorisation, String methodId) {
        requireState(authorisation, ScaStatus.PSU_AUTHENTICATED);
        PsuScenario scenario = bank.scenario(authorisation.psuId().orElseThrow());
        ScaMethodScript method = scenario.scaMethods().stream().filter(m -> m.id().equals(methodId)).findFirst()
                .orElseThrow(() -> Xs2aException.of(TppMessageCode.SCA_METHOD_UNKNOWN,
                        "Unknown authenticationMethodId: " + methodId));
        return select(consent, authorisation, method);
    }

    /** The TAN: a right one finalises the SCA and makes the consent valid; a wrong one costs an attempt. */
    public ObjectNode authoriseTransaction(Consent consent, Authorisation authorisation, String tan) {
        requireState(authorisation, ScaStatus.SCA_METHOD_SELECTED);
        ScaMethodScript method = authorisation.chosenMethod().orElseThrow();
        PsuScenario scenario = bank.scenario(authorisation.psuId().orElseThrow());
        if (!method.tan().equals(tan)) {
            int failures = authorisation.fail();
            int left = scenario.maxAttempts() - failures;
            if (left <= 0) {
                bank.consents().reject(consent, authorisation);
                throw Xs2aException.of(TppMessageCode.PSU_CREDENTIALS_INVALID,
                        "Wrong TAN. No attempts left: the authorisation failed.");
            }
            throw Xs2aException.of(TppMessageCode.PSU_CREDENTIALS_INVALID,
                    "Wrong TAN. " + left + (left == 1 ? " attempt" : " attempts") + " left.");
        }
        bank.consents().authorise(consent, authorisation, Set.of());
        return withStatusAndLinks(Json.object(), consent, authorisation);
    }

    /** The PSU-ID sent later (decoupled approach started without it): the SCA starts on the PSU's device. */
    public ObjectNode identify(Consent consent, Authorisation authorisation, String psuId) {
        requireState(authorisation, ScaStatus.RECEIVED);
        consent.identify(psuId);
        authorisation.psuId(psuId);
        if (authorisation.approach() == ScaApproach.DECOUPLED) {
            authorisation.start(bank.now());
        } else {
            authorisation.status(ScaStatus.PSU_IDENTIFIED);
        }
        ObjectNode body = withStatusAndLinks(Json.object(), consent, authorisation);
        if (authorisation.status() == ScaStatus.STARTED) {
            body.put("psuMessage", "Please confirm the access in your banking app.");
        }
        return body;
    }

    /** A decoupled SCA ends on the PSU's device as scripted, once its delay has passed on the simulator's clock. */
    public void progress(Consent consent, Authorisation authorisation) {
        if (authorisation.approach() != ScaApproach.DECOUPLED || authorisation.status() != ScaStatus.STARTED) {
            return;
        }
        PsuScenario scenario = bank.scenario(authorisation.psuId().orElseThrow());
        boolean due = !bank.now().isBefore(authorisation.startedAt().orElseThrow().plus(scenario.decoupledDelay()));
        if (!due) {
            return;
        }
        switch (scenario.decoupledOutcome()) {
            case APPROVED -> bank.consents().authorise(consent, authorisation, Set.of());
            case REJECTED -> bank.consents().reject(consent, authorisation);
            case NEVER -> {
            }
        }
    }

    /** The PSU logs in on the bank's page (redirect or OAuth); a wrong password costs an attempt. */
    public void login(Consent consent, Authorisation authorisation, String psuId, String password) {
        requireState(authorisation, ScaStatus.RECEIVED, ScaStatus.PSU_IDENTIFIED);
        Optional<String> expected = authorisation.psuId().or(consent::psuId);
        if (expected.isPresent() && !expected.get().equals(psuId)) {
            throw Xs2aException.of(TppMessageCode.PSU_CREDENTIALS_INVALID,
                    "This authorisation was started for another PSU.");
        }
        verifyPassword(consent, authorisation, bank.scenario(psuId), password);
        authorisation.psuId(psuId);
        authorisation.status(ScaStatus.PSU_AUTHENTICATED);
    }

    /** The logged-in PSU accepts (with the accounts picked for a bank-offered consent) or refuses. */
    public void decide(Consent consent, Authorisation authorisation, boolean accept, Set<String> chosenAccounts) {
        if (accept) {
            requireState(authorisation, ScaStatus.PSU_AUTHENTICATED);
            bank.consents().authorise(consent, authorisation, chosenAccounts);
        } else if (!authorisation.status().terminal()) {
            bank.consents().reject(consent, authorisation);
        }
    }

    /** The path of an authorisation sub-resource, below the base path. */
    public static String authorisationPath(Consent consent, Authorisation authorisation) {
        return "/v1/consents/" + consent.id() + "/authorisations/" + authorisation.id();
    }

    public byte[] challengeImage(Authorisation authorisation) {
        return ChallengeImage.png(authorisation.id() + ":" + authorisation.chosenMethod().map(ScaMethodScript::tan).orElse(""));
    }

    private ObjectNode select(Consent consent, Authorisation authorisation, ScaMethodScript method) {
        authorisation.choose(method);
        ObjectNode body = Json.object();
        body.set("chosenScaMethod", describe(method));
        ObjectNode challenge = body.putObject("challengeData");
        challenge.put("otpMaxLength", method.tan().length());
        challenge.put("otpFormat", method.tan().chars().allMatch(Character::isDigit) ? "integer" : "characters");
        if (method.visual()) {
            challenge.put("image", Base64.getEncoder().encodeToString(challengeImage(authorisation)));
            challenge.put("imageLink", bank.absolute("/sca/challenge/" + authorisation.id() + ".png").toString());
        }
        challenge.put("additionalInformation", "Test bank: the TAN is " + method.tan() + ".");
        body.put("psuMessage", switch (method.type()) {
            case "PHOTO_OTP", "CHIP_OTP" -> "Scan the image with your TAN app and enter the TAN it shows.";
            case "PUSH_OTP" -> "Enter the TAN shown in your banking app.";
            default -> "Enter the TAN sent to you (" + method.name() + ").";
        });
        return withStatusAndLinks(body, consent, authorisation);
    }

    private ObjectNode withStatusAndLinks(ObjectNode body, Consent consent, Authorisation authorisation) {
        body.put("scaStatus", authorisation.status().wire());
        addLinks(body.putObject("_links"), consent, authorisation);
        return body;
    }

    private static ObjectNode describe(ScaMethodScript method) {
        ObjectNode node = Json.object();
        node.put("authenticationType", method.type());
        node.put("authenticationMethodId", method.id());
        node.put("name", method.name());
        return node;
    }

    private void verifyPassword(Consent consent, Authorisation authorisation, PsuScenario scenario, String password) {
        if (scenario.password().equals(password)) {
            return;
        }
        int failures = consent.failCredentials();
        int left = scenario.maxAttempts() - failures;
        if (left <= 0) {
            bank.consents().reject(consent, authorisation);
            throw Xs2aException.of(TppMessageCode.PSU_CREDENTIALS_INVALID,
                    "PSU-ID or password not correct. No attempts left: the authorisation failed.");
        }
        throw Xs2aException.of(TppMessageCode.PSU_CREDENTIALS_INVALID,
                "PSU-ID or password not correct. " + left + (left == 1 ? " attempt" : " attempts") + " left.");
    }

    private static void requireState(Authorisation authorisation, ScaStatus... allowed) {
        for (ScaStatus status : allowed) {
            if (authorisation.status() == status) {
                return;
            }
        }
        throw Xs2aException.of(TppMessageCode.STATUS_INVALID,
                "The authorisation is " + authorisation.status().wire() + ": this step does not apply.");
    }

    /** Whether a consent can still be authorised. */
    public static void requireReceived(Consent consent) {
        if (consent.status() != ConsentStatus.RECEIVED) {
            throw Xs2aException.of(TppMessageCode.STATUS_INVALID,
                    "The consent is " + consent.status().wire() + ": it cannot be authorised any more.");
        }
    }
}
