package dev.passerelle.server.sandboxbank;

import static dev.passerelle.server.webauth.HtmlPage.bilingual;
import static dev.passerelle.server.webauth.HtmlPage.escape;

import dev.passerelle.connector.Account;
import dev.passerelle.runtime.WireNames;
import dev.passerelle.server.webauth.HtmlPage;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The sandbox bank's pages: plain HTML forms with labelled fields, in French and English. */
final class BankPages {

    private static final String TITLE = "Banque de test Passerelle / Passerelle test bank";

    private BankPages() {
    }

    /** The authorization request a page carries along in hidden fields. */
    record AuthorizeRequest(String clientId, String redirectUri, String state, String scenario) {
    }

    static ResponseEntity<String> login(HttpStatus status, AuthorizeRequest request, String errorFrench,
                                        String errorEnglish) {
        String error = errorFrench == null ? ""
                : "<p id=\"login-error\" class=\"error\" role=\"alert\">" + bilingual(escape(errorFrench), escape(errorEnglish))
                + "</p>\n";
        String described = errorFrench == null ? "" : " aria-describedby=\"login-error\"";
        return HtmlPage.of(status, TITLE, "<h1>" + bilingual("Banque de test", "Test bank") + "</h1>\n"
                + "<p>" + bilingual("Connectez-vous pour autoriser l'accès à vos comptes.",
                        "Log in to allow access to your accounts.") + "</p>\n"
                + error
                + "<form method=\"post\" action=\"authorize\">\n"
                + hidden("client_id", request.clientId()) + hidden("redirect_uri", request.redirectUri())
                + hidden("state", request.state()) + hidden("scenario", request.scenario())
                + "<label for=\"login\">" + bilingual("Identifiant", "Login") + "</label>\n"
                + "<input id=\"login\" name=\"login\" autocomplete=\"username\" required maxlength=\"64\""
                + described + ">\n"
                + "<label for=\"password\">" + bilingual("Code (1234)", "Passcode (1234)") + "</label>\n"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required"
                + described + ">\n"
                + "<button type=\"submit\">" + bilingual("Se connecter", "Log in") + "</button>\n"
                + "</form>");
    }

    static ResponseEntity<String> consent(String ticket, String login, List<Account> accounts) {
        String items = accounts.stream()
                .map(account -> "<li>" + escape(account.name()) + " — " + escape(WireNames.of(account.type()))
                        + (account.iban() == null ? "" : " — " + escape(masked(account.iban()))) + "</li>")
                .collect(Collectors.joining("\n"));
        return HtmlPage.of(HttpStatus.OK, TITLE, "<h1>" + bilingual("Autoriser l'accès", "Allow access") + "</h1>\n"
                + "<p>" + bilingual("Bonjour " + escape(login) + ". Passerelle demande à consulter ces comptes :",
                        "Hello " + escape(login) + ". Passerelle asks to read these accounts:") + "</p>\n"
                + "<ul aria-label=\"Comptes partagés / Shared accounts\">\n" + items + "\n</ul>\n"
                + "<form method=\"post\" action=\"consent\">\n" + hidden("ticket", ticket)
                + "<button type=\"submit\" name=\"decision\" value=\"accept\">" + bilingual("Accepter", "Accept")
                + "</button>\n"
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">" + bilingual("Refuser", "Deny")
                + "</button>\n</form>");
    }

    /** Only the last four characters of an IBAN are shown. */
    private static String masked(String iban) {
        return "•••• " + iban.substring(Math.max(0, iban.length() - 4));
    }

    private static String hidden(String name, String value) {
        return value == null ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">\n";
    }
}
