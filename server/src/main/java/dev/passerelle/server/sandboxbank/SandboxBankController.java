package dev.passerelle.server.sandboxbank;

import dev.passerelle.server.config.ConditionalOnSandboxMode;
import dev.passerelle.server.sandboxbank.BankAuthorizations.Authorization;
import dev.passerelle.server.sandboxbank.BankPages.AuthorizeRequest;
import dev.passerelle.server.webauth.HtmlPage;
import dev.passerelle.server.webauth.RedirectUris;
import dev.passerelle.testbank.SandboxCustomers;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox bank's pages (RFC 6749 §4.1.1–4.1.2): the authorization request shows a login page;
 * a right password shows the consent screen with the accounts to share; Accept sends the browser
 * back to {@code redirect_uri} with a {@code code}, Deny with {@code error=access_denied}. A request
 * whose client or {@code redirect_uri} the bank does not know gets an error page and no redirect.
 */
@Hidden
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/bank")
class SandboxBankController {

    /** Bank logins are plain identifiers, so that they travel anywhere unescaped. */
    private static final String LOGIN_PATTERN = "[A-Za-z0-9._@-]{1,64}";
    private static final int MAX_STATE = 2000;
    private static final int MAX_SCENARIO = 64;

    private final RegisteredClient client;
    private final BankAuthorizations authorizations;
    private final SandboxBankProperties properties;
    private final Clock clock;

    SandboxBankController(RegisteredClient client, BankAuthorizations authorizations, SandboxBankProperties properties,
                          Clock clock) {
        this.client = client;
        this.authorizations = authorizations;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/authorize")
    ResponseEntity<String> authorize(@RequestParam(name = "response_type", required = false) String responseType,
                                     @RequestParam(name = "client_id", required = false) String clientId,
                                     @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                     @RequestParam(name = "state", required = false) String state,
                                     @RequestParam(name = "scenario", required = false) String scenario) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, state, scenario);
        return refusal(request).orElseGet(() -> "code".equals(responseType)
                ? BankPages.login(HttpStatus.OK, request, null, null)
                : back(request.redirectUri(), Map.of("error", "unsupported_response_type"), state));
    }

    @PostMapping("/authorize")
    ResponseEntity<String> login(@RequestParam(name = "client_id", required = false) String clientId,
                                 @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                 @RequestParam(name = "state", required = false) String state,
                                 @RequestParam(name = "scenario", required = false) String scenario,
                                 @RequestParam(name = "login", required = false) String login,
                                 @RequestParam(name = "password", required = false) String password) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, state, scenario);
        Optional<ResponseEntity<String>> refused = refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (login == null || !login.matches(LOGIN_PATTERN)) {
            return BankPages.login(HttpStatus.BAD_REQUEST, request,
                    "L'identifiant compte de 1 à 64 lettres, chiffres ou . _ @ -.",
                    "The login has 1 to 64 letters, digits or . _ @ -.");
        }
        if (!SandboxCustomers.acceptsPassword(password)) {
            return BankPages.login(HttpStatus.UNAUTHORIZED, request, "Identifiant ou code incorrect.",
                    "Wrong login or passcode.");
        }
        Instant now = clock.instant();
        String ticket = authorizations.open(new Authorization(clientId, redirectUri, state, login, scenario), now,
                now.plus(properties.consentLifetime()));
        return BankPages.consent(ticket, login, SandboxCustomers.accounts(login, scenario, now));
    }

    @PostMapping("/consent")
    ResponseEntity<String> consent(@RequestParam(name = "ticket", required = false) String ticket,
                                   @RequestParam(name = "decision", required = false) String decision) {
        Instant now = clock.instant();
        Optional<Authorization> awaited = ticket == null ? Optional.empty() : authorizations.awaitingConsent(ticket, now);
        if (awaited.isEmpty()) {
            return HtmlPage.error(HttpStatus.BAD_REQUEST,
                    "Cette demande d'autorisation a expiré ou a déjà reçu une réponse. Recommencez depuis votre application.",
                    "This authorization request expired or was already answered. Start again from your application.");
        }
        Authorization authorization = awaited.get();
        return switch (decision == null ? "" : decision) {
            case "accept" -> authorizations.accept(ticket, now, now.plus(properties.codeLifetime()))
                    .map(code -> back(authorization.redirectUri(), Map.of("code", code), authorization.clientState()))
                    .orElseGet(() -> HtmlPage.error(HttpStatus.CONFLICT,
                            "Cette demande a déjà reçu une réponse.", "This request was already answered."));
            case "deny" -> {
                authorizations.deny(ticket);
                yield back(authorization.redirectUri(), Map.of("error", "access_denied",
                        "error_description", "The customer refused access"), authorization.clientState());
            }
            default -> HtmlPage.error(HttpStatus.BAD_REQUEST, "Choisissez Accepter ou Refuser.", "Choose Accept or Deny.");
        };
    }

    /**
     * Why the bank must not serve (nor redirect) this request, if it must not (RFC 6749 §4.1.2.1):
     * an unknown client or an unregistered {@code redirect_uri} is told to the user, never redirected to.
     */
    private Optional<ResponseEntity<String>> refusal(AuthorizeRequest request) {
        if (!client.is(request.clientId())) {
            return Optional.of(HtmlPage.error(HttpStatus.BAD_REQUEST, "Application inconnue de la banque.",
                    "The bank does not know this application (client_id)."));
        }
        if (!client.allowsRedirectTo(request.redirectUri())) {
            return Optional.of(HtmlPage.error(HttpStatus.BAD_REQUEST,
                    "Adresse de retour non enregistrée auprès de la banque.",
                    "The redirect_uri is not registered at the bank."));
        }
        if (request.state() != null && request.state().length() > MAX_STATE
                || request.scenario() != null && request.scenario().length() > MAX_SCENARIO) {
            return Optional.of(HtmlPage.error(HttpStatus.BAD_REQUEST, "Paramètre trop long.",
                    "A parameter (state or scenario) is too long."));
        }
        return Optional.empty();
    }

    /** Back to the client with the answer, after a form post: 303 makes the browser follow with a GET. */
    private static ResponseEntity<String> back(String redirectUri, Map<String, String> answer, String state) {
        Map<String, String> params = new LinkedHashMap<>(answer);
        params.put("state", state);
        return RedirectUris.redirect(HttpStatus.SEE_OTHER, RedirectUris.withQuery(redirectUri, params));
    }
}
