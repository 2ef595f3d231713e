package dev.passerelle.berlingroup;

import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.testkit.BankBrowser;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.HttpBankBrowser;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The user on the simulated bank's pages (redirect and OAuth authorize pages), in the test kit's
 * {@link HttpBankBrowser}: logs in with the PSU's id and password, then accepts (every account a
 * bank-offered consent lists, but those left unchecked) or denies, with the form's own fields as a
 * person's click would send them. Reads the HTML with jsoup.
 */
final class PsuBrowser {

    private final String psuId;
    private final boolean accept;
    private final Set<String> unchecked;

    private PsuBrowser(String psuId, boolean accept, Set<String> unchecked) {
        this.psuId = psuId;
        this.accept = accept;
        this.unchecked = unchecked;
    }

    static BankBrowser accepting(X509Certificate trusted, String psuId) {
        return browser(trusted, new PsuBrowser(psuId, true, Set.of()));
    }

    static BankBrowser denying(X509Certificate trusted, String psuId) {
        return browser(trusted, new PsuBrowser(psuId, false, Set.of()));
    }

    /** Accepts a bank-offered consent with every account but those of these resource ids. */
    static BankBrowser acceptingWithout(X509Certificate trusted, String psuId, Set<String> resourceIds) {
        return browser(trusted, new PsuBrowser(psuId, true, resourceIds));
    }

    private static BankBrowser browser(X509Certificate trusted, PsuBrowser user) {
        return new HttpBankBrowser(HttpClient.newBuilder().sslContext(TestPki.trusting(trusted)), Dialogue.PUBLIC_URL,
                user::act);
    }

    /** What the user clicks on a page: log in, or accept or deny the consent. */
    private HttpRequest act(URI at, String html) {
        Document page = Jsoup.parse(html, at.toString());
        Element form = page.selectFirst("form");
        if (form == null) {
            throw new AssertionError("The bank's page has no form: " + page.text());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> accounts = new ArrayList<>();
        for (Element input : form.select("input")) {
            if (input.attr("type").equals("hidden")) {
                fields.put(input.attr("name"), input.val());
            } else if (input.attr("type").equals("checkbox") && !unchecked.contains(input.val())) {
                accounts.add(input.val());
            }
        }
        if (form.selectFirst("#psuId") != null) {
            fields.put("psuId", psuId);
            fields.put("password", "secret");
            fields.put("action", "login");
        } else {
            fields.put("action", accept ? "accept" : "deny");
        }
        StringBuilder body = new StringBuilder(Xs2aClient.urlEncoded(fields));
        accounts.forEach(account -> body.append("&account=").append(account));
        URI target = form.attr("action").isBlank() ? at : at.resolve(form.attr("action"));
        return HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
