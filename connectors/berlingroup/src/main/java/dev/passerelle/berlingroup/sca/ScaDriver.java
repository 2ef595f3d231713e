package dev.passerelle.berlingroup.sca;

import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.BankDescriptor;
import dev.passerelle.berlingroup.directory.ScaApproach;
import dev.passerelle.berlingroup.oauth.OAuthFlow;
import dev.passerelle.berlingroup.oauth.OAuthTokens;
import dev.passerelle.berlingroup.session.Conversation;
import dev.passerelle.berlingroup.session.Pending;
import dev.passerelle.berlingroup.session.Pending.Step;
import dev.passerelle.berlingroup.transport.BankError;
import dev.passerelle.berlingroup.transport.ErrorTable;
import dev.passerelle.berlingroup.transport.Json;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.ChallengeImage;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.ScaMethod;
import dev.passerelle.connector.StepResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives the strong customer authentication of a consent the way the implementation guidelines
 * intend: by the {@code _links} of each answer, not by assuming an approach. The bank says what comes
 * next ({@code scaRedirect}, {@code scaOAuth}, {@code startAuthorisation…}, {@code update…},
 * {@code selectAuthenticationMethod}, {@code authoriseTransaction}, {@code scaStatus}); the driver
 * takes the steps it can take alone (starting the authorisation, sending the user id and password it
 * knows, choosing the only method) and stops where the user must act.
 */
public final class ScaDriver {

    /** How often the server polls a decoupled approval. */
    static final Duration POLL_EVERY = Duration.ofSeconds(3);
    /** The steps one call takes alone at most: a bank that loops is cut off. */
    private static final int MAX_STEPS = 8;
    private static final Set<String> DONE = Set.of("finalised", "exempted");

    /** What the user reads when they refused on the bank's pages, or the bank rejected the consent. */
    public static final String REFUSED_AT_BANK = "Access to your accounts was refused at the bank";
    static final String REFUSED_IN_APP = "The access was refused in your banking app";
    static final String APPROVAL_EXPIRED = "The access was not confirmed in your banking app in time";
    static final String AUTHENTICATION_FAILED = "The authentication failed at the bank";
    static final String CANCELLED = "You cancelled the authentication";
    static final String CONFIRMING = "The bank is confirming the access";
    static final String NOT_CONFIRMED = "The bank did not confirm the access in time: please authenticate again";

    private final Aspsp bank;
    private final OAuthFlow oauth;

    public ScaDriver(Aspsp bank, OAuthFlow oauth) {
        this.bank = bank;
        this.oauth = oauth;
    }

    /**
     * The next step after the bank created the consent.
     *
     * @param created the 201 of {@code POST /v1/consents}
     */
    public Next begin(Conversation c, Pending pending, Xs2aClient.Response created, Known known) {
        ScaApproach approach = created.header("ASPSP-SCA-Approach").flatMap(ScaApproach::of).orElse(null);
        return advance(c, pending.at(pending.step(), approach, pending.links(), created.body()), created.body(), known);
    }

    /** Continues after the user acted. */
    public Next resume(Conversation c, Pending pending, Resume input, Known stored) {
        Known known = pending.psuId() == null ? stored : stored.withPsuId(pending.psuId());
        return switch (input) {
            case Resume.Answers answers -> answered(c, pending, answers, known);
            case Resume.Poll poll -> pending.step() == Step.APPROVAL ? poll(c, pending)
                    : Next.Stop.withdrawn(new StepResult.ScaRequired("No approval is awaited: please authenticate again"));
            case Resume.Callback callback -> returned(c, pending, callback);
            case Resume.Cancel cancel -> Next.Stop.withdrawn(new StepResult.ScaRequired(CANCELLED));
        };
    }

    /** Takes the steps the bank's answer allows without the user, and stops where the user must act. */
    Next advance(Conversation c, Pending start, JsonNode first, Known known) {
        Pending pending = start;
        JsonNode answer = first;
        for (int step = 0; step < MAX_STEPS; step++) {
            Map<String, String> links = Json.links(answer);
            pending = pending.at(pending.step(), pending.approach(), links.isEmpty() ? pending.links() : merged(pending, links),
                    answer);
            String status = Json.text(answer, "scaStatus").orElse("");
            if (DONE.contains(status)) {
                return new Next.Done(pending, null);
            }
            if (status.equals("failed")) {
                return Next.Stop.refused(refused(pending.approach()));
            }
            if (links.containsKey("scaRedirect")) {
                // The user's browser goes there: the bank's own pages, perhaps on another host than its API.
                URI page = c.client().elsewhere("scaRedirect", links.get("scaRedirect"));
                return new Next.Go(pending.at(Step.RETURN, ScaApproach.REDIRECT, pending.links(), answer),
                        new StepResult.Redirect(page));
            }
            if (links.containsKey("scaOAuth")) {
                return oauth(c, pending.at(Step.RETURN, ScaApproach.OAUTH, pending.links(), answer), links.get("scaOAuth"));
            }
            Optional<Map.Entry<String, String>> password = first(links, "startAuthorisationWithPsuAuthentication",
                    "updatePsuAuthentication");
            if (password.isPresent()) {
                if (known.password() == null || known.psuId() == null) {
                    return new Next.Ask(pending.at(Step.PASSWORD, pending.approach(), pending.links(), answer),
                            Challenges.password(BankDescriptor.PASSWORD, known.psuId() == null ? psuIdField(c) : null));
                }
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.putObject("psuData").put("password", known.password());
                answer = send(c, password.get(), body, known);
                continue;
            }
            if (first(links, "startAuthorisationWithEncryptedPsuAuthentication", "updateEncryptedPsuAuthentication")
                    .isPresent()) {
                c.ctx().log().warn("The bank asks for the password encrypted (updateEncryptedPsuAuthentication), "
                        + "which this connector does not do: offer the redirect or decoupled approach for this bank");
                return Next.Stop.withdrawn(StepResult.Failure.of(FailureReason.NOT_SUPPORTED,
                        "This bank's authentication is not supported here"));
            }
            Optional<Map.Entry<String, String>> identification = first(links, "startAuthorisationWithPsuIdentification",
                    "updatePsuIdentification");
            if (identification.isPresent()) {
                if (known.psuId() == null) {
                    return new Next.Ask(pending.at(Step.PSU_ID, pending.approach(), pending.links(), answer),
                            Challenges.psuId(psuIdField(c)));
                }
                answer = send(c, identification.get(), JsonNodeFactory.instance.objectNode(), known);
                continue;
            }
            Optional<Map.Entry<String, String>> selection = first(links, "selectAuthenticationMethod",
                    "startAuthorisationWithAuthenticationMethodSelection");
            if (selection.isPresent()) {
                List<ScaMethod> methods = Challenges.methods(answer);
                if (methods.size() != 1) {
                    if (methods.isEmpty()) {
                        throw BankError.unusable("SCA", "the bank asks to select an SCA method but lists none");
                    }
                    return new Next.Ask(pending.at(Step.METHOD, pending.approach(), pending.links(), answer),
                            Challenges.method(answer));
                }
                answer = send(c, selection.get(), methodChoice(methods.getFirst().id()), known);
                continue;
            }
            if (first(links, "authoriseTransaction", "startAuthorisationWithTransactionAuthorisation").isPresent()) {
                return new Next.Ask(pending.at(Step.TAN, pending.approach(), pending.links(), answer),
                        Challenges.tan(answer, image(c, answer), null));
            }
            if (links.containsKey("startAuthorisation")) {
                answer = send(c, Map.entry("startAuthorisation", links.get("startAuthorisation")),
                        JsonNodeFactory.instance.objectNode(), known);
                continue;
            }
            if (pending.approach() == ScaApproach.DECOUPLED || !status.isEmpty() || links.containsKey("scaStatus")) {
                return await(c, pending.awaitingApproval(pending.expiresAt() == null
                        ? c.ctx().clock().instant().plus(bank.sca().decoupledTimeout()) : pending.expiresAt()), answer);
            }
            throw BankError.unusable("POST /v1/consents", "the bank's answer names no next step of the authorisation");
        }
        throw BankError.unusable("SCA", "the authorisation did not reach a step for the user in " + MAX_STEPS + " calls");
    }

    private Next answered(Conversation c, Pending pending, Resume.Answers answers, Known known) {
        JsonNode answer = pending.answer();
        return switch (pending.step()) {
            case PSU_ID -> answers.value(psuIdField(c)).map(id -> advance(c, pending.withPsuId(id), answer,
                    known.withPsuId(id))).orElseGet(() -> new Next.Ask(pending, Challenges.psuId(psuIdField(c))));
            case PASSWORD -> {
                Optional<String> id = known.psuId() != null ? Optional.of(known.psuId()) : answers.value(psuIdField(c));
                Optional<String> password = answers.value(BankDescriptor.PASSWORD);
                if (id.isEmpty() || password.isEmpty()) {
                    yield new Next.Ask(pending, Challenges.password(BankDescriptor.PASSWORD,
                            known.psuId() == null ? psuIdField(c) : null));
                }
                yield advance(c, pending.withPsuId(id.get()), answer, known.withPsuId(id.get()).withPassword(password.get()));
            }
            case METHOD -> {
                Optional<String> method = answers.value(Challenges.METHOD)
                        .filter(id -> Challenges.methods(answer).stream().anyMatch(m -> m.id().equals(id)));
                if (method.isEmpty()) {
                    yield new Next.Ask(pending, Challenges.method(answer));
                }
                Map.Entry<String, String> link = first(pending.links(), "selectAuthenticationMethod",
                        "startAuthorisationWithAuthenticationMethodSelection").orElseThrow();
                yield advance(c, pending, send(c, link, methodChoice(method.get()), known), known);
            }
            case TAN -> {
                Optional<String> tan = answers.value(Challenges.TAN);
                if (tan.isEmpty()) {
                    yield new Next.Ask(pending, Challenges.tan(answer, image(c, answer), null));
                }
                yield tan(c, pending, tan.get(), known);
            }
            case RETURN, APPROVAL -> Next.Stop.withdrawn(new StepResult.ScaRequired(
                    "No answer is awaited: please authenticate again"));
        };
    }

    /** The one-time code; a wrong one is asked again while the bank still accepts attempts. */
    private Next tan(Conversation c, Pending pending, String tan, Known known) {
        Map.Entry<String, String> link = first(pending.links(), "authoriseTransaction",
                "startAuthorisationWithTransactionAuthorisation").orElseThrow();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("scaAuthenticationData", tan);
        try {
            return advance(c, pending, send(c, link, body, known), known);
        } catch (BankError e) {
            if (ErrorTable.meaning(e) != ErrorTable.Meaning.WRONG_CREDENTIALS || !pending.links().containsKey("scaStatus")) {
                throw e;
            }
            c.ctx().log().info("The bank refused the one-time code: " + e.describe());
            String status = Json.text(c.client().xs2a("GET", pending.links().get("scaStatus")).psu(c.ctx())
                    .send(c.ctx()).body(), "scaStatus").orElse("");
            String text = e.text().orElse("Wrong code");
            return status.equals("failed") ? Next.Stop.refused(StepResult.Failure.of(FailureReason.WRONG_PASS, text))
                    : new Next.Ask(pending, Challenges.tan(pending.answer(), image(c, pending.answer()), text));
        }
    }

    /**
     * The authorisation is done but the consent is not valid yet: {@code received}, or
     * {@code partiallyAuthorised} while another holder of the account approves (implementation
     * guidelines, "Consent Status"). The bank confirms it a moment later: awaited as an approval, by
     * the consent's own status, with the OAuth tokens kept for when it is; within the time an approval
     * has, counted from the first wait, so that a bank that never agrees with itself is not awaited for good.
     */
    public Next confirming(Conversation c, Pending pending, OAuthTokens tokens) {
        Instant now = c.ctx().clock().instant();
        Instant until = pending.expiresAt() != null ? pending.expiresAt() : now.plus(bank.sca().decoupledTimeout());
        if (!now.isBefore(until)) {
            return Next.Stop.withdrawn(StepResult.Failure.of(FailureReason.DECOUPLED_EXPIRED, NOT_CONFIRMED));
        }
        Map<String, String> links = new HashMap<>(pending.links());
        links.remove("scaStatus");
        Pending confirming = pending.at(Step.APPROVAL, pending.approach(), links, pending.answer()).withTokens(tokens)
                .awaitingApproval(until);
        return new Next.Await(confirming, new StepResult.Decoupled(CONFIRMING, POLL_EVERY, until));
    }

    /** The decoupled approval, polled: the authorisation's {@code scaStatus}, else the consent's status. */
    private Next poll(Conversation c, Pending pending) {
        String target = pending.links().getOrDefault("scaStatus", "/v1/consents/" + pending.consentId() + "/status");
        JsonNode answer = c.client().xs2a("GET", target)
                .header("Authorization", pending.tokens() == null ? null : "Bearer " + pending.tokens().accessToken())
                .psu(c.ctx()).send(c.ctx()).body();
        String status = Json.text(answer, "scaStatus").or(() -> Json.text(answer, "consentStatus")
                .map(consent -> switch (consent) {
                    case "valid" -> "finalised";
                    case "rejected", "revokedByPsu", "terminatedByTpp", "expired" -> "failed";
                    default -> "started";
                })).orElse("started");
        if (DONE.contains(status)) {
            return new Next.Done(pending, pending.tokens());
        }
        if (status.equals("failed")) {
            return Next.Stop.refused(StepResult.Failure.of(FailureReason.DECOUPLED_CANCELLED, REFUSED_IN_APP));
        }
        if (pending.expiresAt() != null && !c.ctx().clock().instant().isBefore(pending.expiresAt())) {
            return Next.Stop.withdrawn(StepResult.Failure.of(FailureReason.DECOUPLED_EXPIRED, APPROVAL_EXPIRED));
        }
        return await(c, pending, pending.answer());
    }

    private Next await(Conversation c, Pending pending, JsonNode answer) {
        String message = Json.text(answer, "psuMessage").orElse("Confirm the access in your banking app");
        return new Next.Await(pending, new StepResult.Decoupled(message, POLL_EVERY, pending.expiresAt()));
    }

    /** The user came back from the bank's pages (redirect or OAuth). */
    private Next returned(Conversation c, Pending pending, Resume.Callback callback) {
        if (callback.refused() || callback.param("error").isPresent()) {
            callback.param("error").filter(error -> !error.equals("access_denied")).ifPresent(error ->
                    c.ctx().log().warn("The bank sent the user back with error '" + error + "': "
                            + callback.param("error_description").orElse("")));
            return Next.Stop.refused(new StepResult.WebauthRequired(REFUSED_AT_BANK));
        }
        if (pending.oauth() != null) {
            Optional<String> code = callback.param("code");
            if (code.isEmpty()) {
                return Next.Stop.withdrawn(new StepResult.WebauthRequired(REFUSED_AT_BANK));
            }
            OAuthTokens tokens = oauth.exchange(c.ctx(), pending.oauth(), code.get());
            return new Next.Done(pending, tokens);
        }
        Optional<String> confirmation = pending.links().containsKey("confirmation")
                ? callback.param("confirmationCode").or(() -> callback.param("code")) : Optional.empty();
        if (confirmation.isPresent()) {
            // Authorisation confirmation (guidelines 1.3.8+): the code the bank gave the user's browser.
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("confirmationCode", confirmation.get());
            return advance(c, pending, c.client().xs2a("PUT", pending.links().get("confirmation")).psu(c.ctx())
                    .json(body).send(c.ctx()).body(), new Known(pending.psuId(), null));
        }
        Next polled = poll(c, pending.awaitingApproval(c.ctx().clock().instant().plus(bank.sca().decoupledTimeout())));
        return polled instanceof Next.Stop stop && stop.outcome() instanceof StepResult.Failure failure
                && failure.reason() == FailureReason.DECOUPLED_CANCELLED
                ? Next.Stop.refused(new StepResult.WebauthRequired(REFUSED_AT_BANK)) : polled;
    }

    private Next oauth(Conversation c, Pending pending, String metadataLink) {
        Optional<Interaction> interaction = c.ctx().interaction();
        if (interaction.isEmpty() || oauth == null) {
            return Next.Stop.withdrawn(new StepResult.WebauthRequired("Authenticate at your bank to renew the access"));
        }
        OAuthFlow.Authorization authorization = oauth.authorize(c.ctx(), interaction.get(), metadataLink,
                pending.consentId());
        return new Next.Go(pending.withOAuth(authorization.request()), new StepResult.Redirect(authorization.url()));
    }

    /** Sends one authorisation step: {@code start…} links are POSTed, the others PUT. */
    private static JsonNode send(Conversation c, Map.Entry<String, String> link, JsonNode body, Known known) {
        String method = link.getKey().startsWith("start") ? "POST" : "PUT";
        return c.client().xs2a(method, link.getValue()).header("PSU-ID", known.psuId()).psu(c.ctx()).json(body)
                .send(c.ctx()).body();
    }

    private StepResult refused(ScaApproach approach) {
        if (approach == null) {
            return StepResult.Failure.of(FailureReason.WRONG_PASS, AUTHENTICATION_FAILED);
        }
        return switch (approach) {
            case REDIRECT, OAUTH -> new StepResult.WebauthRequired(REFUSED_AT_BANK);
            case DECOUPLED -> StepResult.Failure.of(FailureReason.DECOUPLED_CANCELLED, REFUSED_IN_APP);
            case EMBEDDED -> StepResult.Failure.of(FailureReason.WRONG_PASS, AUTHENTICATION_FAILED);
        };
    }

    private Optional<ChallengeImage> image(Conversation c, JsonNode answer) {
        JsonNode data = answer.path("challengeData");
        Optional<byte[]> bytes = Json.text(data, "image").flatMap(ScaDriver::base64);
        if (bytes.isEmpty() && Json.text(data, "imageLink").isPresent()) {
            bytes = Optional.of(c.client().xs2a("GET", Json.text(data, "imageLink").get()).send(c.ctx()).bytes());
        }
        return bytes.filter(b -> b.length > 0).map(b -> new ChallengeImage(mediaType(b), b, "Challenge image"));
    }

    private static Optional<byte[]> base64(String value) {
        try {
            return Optional.of(Base64.getMimeDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The image's type from its first bytes (PNG, JPEG, GIF); PNG when unsure. */
    private static String mediaType(byte[] bytes) {
        if (bytes.length > 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (bytes.length > 3 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F') {
            return "image/gif";
        }
        return "image/png";
    }

    private static ObjectNode methodChoice(String methodId) {
        return JsonNodeFactory.instance.objectNode().put("authenticationMethodId", methodId);
    }

    private static Optional<Map.Entry<String, String>> first(Map<String, String> links, String... relations) {
        for (String relation : relations) {
            if (links.containsKey(relation)) {
                return Optional.of(Map.entry(relation, links.get(relation)));
            }
        }
        return Optional.empty();
    }

    /** The new links, and the {@code scaStatus} link of earlier answers when the new ones lack it. */
    private static Map<String, String> merged(Pending pending, Map<String, String> links) {
        if (links.containsKey("scaStatus") || !pending.links().containsKey("scaStatus")) {
            return links;
        }
        Map<String, String> all = new LinkedHashMap<>(links);
        all.put("scaStatus", pending.links().get("scaStatus"));
        return all;
    }

    /** The field a user id is asked in: the embedded source's own, else the web-authentication source's. */
    private static String psuIdField(Conversation c) {
        return c.ctx().source().equals(BankDescriptor.EMBEDDED) ? BankDescriptor.LOGIN : BankDescriptor.OPEN_API_LOGIN;
    }
}
