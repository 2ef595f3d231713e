package dev.passerelle.sandboxbank;

import dev.passerelle.connector.Account;
import dev.passerelle.runtime.WireNames;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The sandbox bank's pages: Thymeleaf templates ({@code templates/sandbox-bank/*.html}) with plain
 * HTML forms and labelled fields, their words in the bank's bundles ({@code sandbox-bank/messages*.properties},
 * keys {@code sandbox-bank.*}), in the browser's language among French and English
 * ({@code Accept-Language}; English when it prefers neither). Self-contained (no script, no external
 * asset, inline style only), never cached, never framed (a consent button must not be clickjacked),
 * and leaking no referrer (URLs carry codes).
 */
@Component
class BankPages {

    private final ITemplateEngine templates;
    private final AcceptHeaderLocaleResolver languages = new AcceptHeaderLocaleResolver();

    BankPages(ITemplateEngine templates) {
        this.templates = templates;
        languages.setSupportedLocales(List.of(Locale.ENGLISH, Locale.FRENCH));
        languages.setDefaultLocale(Locale.ENGLISH);
    }

    /** The authorization request a page carries along in hidden fields. */
    record AuthorizeRequest(String clientId, String redirectUri, String state, String scenario) {
    }

    /** An account as the consent screen shows it: only the last four characters of its IBAN. */
    record SharedAccount(String name, String type, String iban) {

        static SharedAccount of(Account account) {
            String iban = account.iban();
            return new SharedAccount(account.name(), WireNames.of(account.type()),
                    iban == null ? null : "•••• " + iban.substring(Math.max(0, iban.length() - 4)));
        }
    }

    /** The login page; {@code error} is the key of what was wrong with the last try, or null. */
    ResponseEntity<String> login(HttpServletRequest browser, HttpStatus status, AuthorizeRequest request, String error) {
        Map<String, Object> values = new HashMap<>();
        values.put("request", request);
        values.put("error", error);
        return page(browser, status, "login", values);
    }

    ResponseEntity<String> consent(HttpServletRequest browser, String ticket, String login, List<Account> accounts) {
        return page(browser, HttpStatus.OK, "consent", Map.of("ticket", ticket, "login", login,
                "accounts", accounts.stream().map(SharedAccount::of).toList()));
    }

    /** An error page: what went wrong ({@code problem}, a message key), for the person in front of the browser. */
    ResponseEntity<String> error(HttpServletRequest browser, HttpStatus status, String problem) {
        return page(browser, status, "error", Map.of("problem", problem));
    }

    private ResponseEntity<String> page(HttpServletRequest browser, HttpStatus status, String template,
                                        Map<String, Object> values) {
        Locale language = languages.resolveLocale(browser);
        Context context = new Context(language, values);
        context.setVariable("lang", language.getLanguage());
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(templates.process("sandbox-bank/" + template, context));
    }
}
