package dev.passerelle.client.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a user's browser does on a webauth journey to the sandbox PSD2 bank (docs/webauth.md): follow
 * {@code /webauth} to the bank, log in with passcode 1234, accept or deny the consent, follow the
 * callback; answers the redirect URI the journey ends on, which the integrator's page would get.
 */
public final class SandboxBrowser {

    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Walks the journey from {@code url}, accepting; answers the final redirect. */
    public URI accept(URI url) {
        return walk(url, "accept");
    }

    /** Walks the journey from {@code url}, refusing at the consent screen. */
    public URI deny(URI url) {
        return walk(url, "deny");
    }

    private URI walk(URI url, String decision) {
        URI bank = redirect(get(url));
        Map<String, String> form = new LinkedHashMap<>(query(bank));
        form.put("login", "jdupont");
        form.put("password", "1234");
        HttpResponse<String> consent = post(bank, form);
        Matcher ticket = TICKET.matcher(consent.body());
        if (!ticket.find()) {
            throw new IllegalStateException("No consent screen: " + consent.statusCode() + " " + consent.body());
        }
        URI callback = redirect(post(bank.resolve("consent"), Map.of("ticket", ticket.group(1), "decision", decision)));
        return redirect(get(callback));
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI target = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        return send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI redirect(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}
