package dev.passerelle.server.webauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser reduced to what a web authentication needs: GETs and form POSTs over real HTTP, with
 * redirects left for the test to follow (or not) one by one.
 */
public final class Browser {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Page get(URI url) {
        return send(url, HttpRequest.newBuilder(url).GET());
    }

    /** A GET from a browser whose user reads {@code languages} ({@code Accept-Language}, e.g. {@code fr}). */
    public Page get(URI url, String languages) {
        return send(url, HttpRequest.newBuilder(url).header("Accept-Language", languages).GET());
    }

    /** Submits a form to {@code url}, URL-encoded as browsers do. */
    public Page post(URI url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(url, HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows the redirect {@code page} answered with. */
    public Page follow(Page page) {
        return get(page.location().orElseThrow(() -> new AssertionError("no redirect: " + page)));
    }

    private Page send(URI url, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(url, response.statusCode(), response.headers().firstValue("Location")
                    .map(url::resolve), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET/POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer: where it came from, its status, its redirect target and its body. */
    public record Page(URI url, int status, Optional<URI> location, String contentType, String body) {

        /** The query parameters of the redirect target. */
        public Map<String, String> locationQuery() {
            return query(location.orElseThrow(() -> new AssertionError("no redirect: " + this)));
        }

        /** The value of the hidden (or other) input named {@code name}. */
        public String input(String name) {
            Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no input '" + name + "' in " + body);
            }
            return HtmlUtils.htmlUnescape(matcher.group(1));
        }

        /** The URL a form whose action is {@code action} posts to. */
        public URI resolve(String action) {
            return url.resolve(action);
        }

        @Override
        public String toString() {
            return status + " " + location.map(URI::toString).orElse("") + " " + body;
        }
    }

    public static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2)).forEach(kv -> params.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
        }
        return params;
    }
}
