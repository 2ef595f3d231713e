package dev.passerelle.sandboxbank;

import dev.passerelle.sandboxbank.BankAuthorizations.Authorization;
import dev.passerelle.sandboxbank.BankPages.AuthorizeRequest;
import dev.passerelle.testbank.SandboxCustomers;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sandbox bank's pages (RFC 6749 §4.1.1–4.1.2): the authorization request shows a login page;
 * a right password shows the consent screen with the accounts to share; Accept sends the browser
 * back to {@code redirect_uri} with a {@code code}, Deny with {@code error=access_denied}. A request
 * whose client or {@code redirect_uri} the bank does not know gets an error page and no redirect.
 */
@Hidden
@RestController
@RequestMapping("/sandbox/bank")
class SandboxBankController {

    /** Bank logins are plain identifiers, so that they travel anywhere unescaped. */
    private static final String LOGIN_PATTERN = "[A-Za-z0-9._@-]{1,64}";
    private static final int MAX_STATE = 2000;
    private static final int MAX_SCENARIO = 64;

    private final RegisteredClient client;
    private final BankAuthorizations authorizations;
    private final BankPages pages;
    private final SandboxBankProperties properties;
    private final Clock clock;

    SandboxBankController(RegisteredClient client, BankAuthorizations authorizations, BankPages pages,
                          SandboxBankProperties properties, Clock clock) {
        this.client = client;
        this.authorizations = authorizations;
        this.pages = pages;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/authorize")
    ResponseEntity<String> authorize(@RequestParam(name = "response_type", required = false) String responseType,
                                     @RequestParam(name = "client_id", required = false) String clientId,
                                     @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                     @RequestParam(name = "state", required = false) String state,
                                     @RequestParam(name = "scenario", required = false) String scenario,
                                     HttpServletRequest browser) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, state, scenario);
        return refusal(request, browser).orElseGet(() -> "code".equals(responseType)
                ? pages.login(browser, HttpStatus.OK, request, null)
                : back(request.redirectUri(), Map.of("error", "unsupported_response_type"), state));
    }

    @PostMapping("/authorize")
    ResponseEntity<String> login(@RequestParam(name = "client_id", required = false) String clientId,
                                 @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                 @RequestParam(name = "state", required = false) String state,
                                 @RequestParam(name = "scenario", required = false) String scenario,
                                 @RequestParam(name = "login", required = false) String login,
                                 @RequestParam(name = "password", required = false) String password,
                                 HttpServletRequest browser) {
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, state, scenario);
        Optional<ResponseEntity<String>> refused = refusal(request, browser);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (login == null || !login.matches(LOGIN_PATTERN)) {
            return pages.login(browser, HttpStatus.BAD_REQUEST, request, "sandbox-bank.login.error.format");
        }
        if (!SandboxCustomers.acceptsPassword(password)) {
            return pages.login(browser, HttpStatus.UNAUTHORIZED, request, "sandbox-bank.login.error.wrong");
        }
        Instant now = clock.instant();
        String ticket = authorizations.open(new Authorization(clientId, redirectUri, state, login, scenario), now,
                now.plus(properties.consentLifetime()));
        return pages.consent(browser, ticket, login, SandboxCustomers.accounts(login, scenario, now));
    }

    @PostMapping("/consent")
    ResponseEntity<String> consent(@RequestParam(name = "ticket", required = false) String ticket,
                                   @RequestParam(name = "decision", required = false) String decision,
                                   HttpServletRequest browser) {
        Instant now = clock.instant();
        Optional<Authorization> awaited = ticket == null ? Optional.empty() : authorizations.awaitingConsent(ticket, now);
        if (awaited.isEmpty()) {
            return pages.error(browser, HttpStatus.BAD_REQUEST, "sandbox-bank.error.consent-gone");
        }
        Authorization authorization = awaited.get();
        return switch (decision == null ? "" : decision) {
            case "accept" -> authorizations.accept(ticket, now, now.plus(properties.codeLifetime()))
                    .map(code -> back(authorization.redirectUri(), Map.of("code", code), authorization.clientState()))
                    .orElseGet(() -> pages.error(browser, HttpStatus.CONFLICT, "sandbox-bank.error.answered"));
            case "deny" -> {
                authorizations.deny(ticket);
                yield back(authorization.redirectUri(), Map.of("error", "access_denied",
                        "error_description", "The customer refused access"), authorization.clientState());
            }
            default -> pages.error(browser, HttpStatus.BAD_REQUEST, "sandbox-bank.error.decision");
        };
    }

    /**
     * Why the bank must not serve (nor redirect) this request, if it must not (RFC 6749 §4.1.2.1):
     * an unknown client or an unregistered {@code redirect_uri} is told to the user, never redirected to.
     */
    private Optional<ResponseEntity<String>> refusal(AuthorizeRequest request, HttpServletRequest browser) {
        if (!client.is(request.clientId())) {
            return Optional.of(pages.error(browser, HttpStatus.BAD_REQUEST, "sandbox-bank.error.unknown-client"));
        }
        if (!client.allowsRedirectTo(request.redirectUri())) {
            return Optional.of(pages.error(browser, HttpStatus.BAD_REQUEST, "sandbox-bank.error.unregistered-redirect"));
        }
        if (request.state() != null && request.state().length() > MAX_STATE
                || request.scenario() != null && request.scenario().length() > MAX_SCENARIO) {
            return Optional.of(pages.error(browser, HttpStatus.BAD_REQUEST, "sandbox-bank.error.too-long"));
        }
        return Optional.empty();
    }

    /**
     * Back to the client with the answer and its {@code state}, if it sent one, added to the query
     * string in the form-urlencoded format (RFC 6749 §4.1.2, Appendix B), after a form post: 303 makes
     * the browser follow with a GET. Never cached, and no referrer leaks the URL, which may carry a code.
     */
    private static ResponseEntity<String> back(String redirectUri, Map<String, String> answer, String state) {
        Map<String, String> params = new LinkedHashMap<>(answer);
        params.put("state", state);
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(redirectUri);
        params.forEach((name, value) -> {
            if (value != null) {
                location.queryParam(name, URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location.build(true).toUri())
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
