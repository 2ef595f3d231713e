package dev.passerelle.berlingroup;

import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.testkit.BankBrowser;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.xs2a.simulator.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The user's browser on the simulated bank's pages (redirect and OAuth authorize pages): it logs in
 * with the PSU's id and password, then accepts or denies, as a person would with the form's buttons,
 * until the bank sends the browser back to the server ({@link Dialogue#PUBLIC_URL}). Reads the HTML
 * with jsoup; keeps the pages it saw for assertions.
 */
final class PsuBrowser implements BankBrowser {

    private static final int MAX_STEPS = 10;

    private final HttpClient http;
    private final String psuId;
    private final String password;
    private final boolean accept;
    private final Set<String> unchecked;
    private final List<Document> pages = new ArrayList<>();

    private PsuBrowser(X509Certificate trusted, String psuId, String password, boolean accept, Set<String> unchecked) {
        this.http = HttpClient.newBuilder().sslContext(TestPki.trusting(trusted))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.psuId = psuId;
        this.password = password;
        this.accept = accept;
        this.unchecked = unchecked;
    }

    static PsuBrowser accepting(X509Certificate trusted, String psuId) {
        return new PsuBrowser(trusted, psuId, "secret", true, Set.of());
    }

    static PsuBrowser denying(X509Certificate trusted, String psuId) {
        return new PsuBrowser(trusted, psuId, "secret", false, Set.of());
    }

    /** Accepts a bank-offered consent with every account but those of these resource ids. */
    static PsuBrowser acceptingWithout(X509Certificate trusted, String psuId, Set<String> resourceIds) {
        return new PsuBrowser(trusted, psuId, "secret", true, resourceIds);
    }

    List<Document> pages() {
        return List.copyOf(pages);
    }

    @Override
    public URI visit(URI institutionPage) {
        HttpRequest request = HttpRequest.newBuilder(institutionPage).GET().build();
        for (int step = 0; step < MAX_STEPS; step++) {
            HttpResponse<String> response = send(request);
            URI at = request.uri();
            int status = response.statusCode();
            if (status == 302 || status == 303 || status == 307) {
                URI next = at.resolve(response.headers().firstValue("Location").orElseThrow());
                if (next.toString().startsWith(Dialogue.PUBLIC_URL)) {
                    return next;
                }
                request = HttpRequest.newBuilder(next).GET().build();
            } else if (status == 200) {
                Document page = Jsoup.parse(response.body(), at.toString());
                pages.add(page);
                request = act(page, at);
            } else {
                throw new AssertionError("The bank answered " + status + " at " + at + ": " + response.body());
            }
        }
        throw new AssertionError("The bank's pages did not send the browser back in " + MAX_STEPS + " steps");
    }

    /** What the user clicks on a page: log in, or accept or deny the consent. */
    private HttpRequest act(Document page, URI at) {
        Element form = page.selectFirst("form");
        if (form == null) {
            throw new AssertionError("The bank's page has no form: " + page.text());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> accounts = new ArrayList<>();
        for (Element input : form.select("input")) {
            switch (input.attr("type")) {
                case "hidden" -> fields.put(input.attr("name"), input.val());
                case "checkbox" -> {
                    if (!unchecked.contains(input.val())) {
                        accounts.add(input.val());
                    }
                }
                default -> {
                }
            }
        }
        if (form.selectFirst("#psuId") != null) {
            fields.put("psuId", psuId);
            fields.put("password", password);
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

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
