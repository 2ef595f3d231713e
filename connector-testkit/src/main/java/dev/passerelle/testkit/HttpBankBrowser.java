package dev.passerelle.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A {@link BankBrowser} over real HTTP: it GETs the institution's page and follows its redirects
 * until the browser is sent to the server ({@code returnPrefix}), which it does not visit. A page
 * that answers 200 (a login form, a consent screen) is handed to {@code onPage}, which answers the
 * request the user's click makes; a fake bank's test writes it.
 */
public final class HttpBankBrowser implements BankBrowser {

    private static final int MAX_STEPS = 20;

    private final String returnPrefix;
    private final BiFunction<URI, String, HttpRequest> onPage;
    private final HttpClient http;

    /**
     * @param returnPrefix the server's callback base ({@code …/webauth/callback}): the walk ends there
     * @param onPage       given a page's URL and HTML, the request the user's action sends
     */
    public HttpBankBrowser(String returnPrefix, BiFunction<URI, String, HttpRequest> onPage) {
        this(HttpClient.newBuilder(), returnPrefix, onPage);
    }

    /**
     * A browser whose client is built from {@code client} (e.g. with the {@code SSLContext} that trusts a
     * test bank's certificate authority); it never follows redirects itself.
     */
    public HttpBankBrowser(HttpClient.Builder client, String returnPrefix, BiFunction<URI, String, HttpRequest> onPage) {
        this.http = client.followRedirects(HttpClient.Redirect.NEVER).build();
        this.returnPrefix = returnPrefix;
        this.onPage = onPage;
    }

    /** A browser for institutions that redirect straight back, with no page to act on. */
    public static HttpBankBrowser redirectsOnly(String returnPrefix) {
        return new HttpBankBrowser(returnPrefix, (page, html) -> {
            throw new AssertionError("The institution showed a page at " + page + "; give the browser what to do there");
        });
    }

    @Override
    public URI visit(URI institutionPage) {
        HttpRequest request = HttpRequest.newBuilder(institutionPage).GET().build();
        for (int step = 0; step < MAX_STEPS; step++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            URI at = request.uri();
            if (List.of(301, 302, 303, 307, 308).contains(status)) {
                URI next = at.resolve(response.headers().firstValue("Location")
                        .orElseThrow(() -> new AssertionError(status + " without Location from " + at)));
                if (next.toString().startsWith(returnPrefix)) {
                    return next;
                }
                request = HttpRequest.newBuilder(next).GET().build();
            } else if (status == 200) {
                request = onPage.apply(request.uri(), response.body());
            } else {
                throw new AssertionError("The institution answered " + status + " at " + request.uri() + ": "
                        + response.body());
            }
        }
        throw new AssertionError("The institution's pages did not send the browser back in " + MAX_STEPS + " steps");
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
