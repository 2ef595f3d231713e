package dev.passerelle.server.clients;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.WireInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for URLs a client application gives: redirect URIs, and the logo and privacy page the
 * webview links to. HTTPS, or HTTP on the loopback for development (OAuth 2.0 Security BCP,
 * RFC 9700 §2.1, §4.1.3); a redirect URI may also use an app's own scheme ({@code myapp://done}),
 * never one a browser runs or reads locally. No fragment, no user info; a redirect URI carries no
 * query either, as the flows append their own parameters. {@link URI} also parses what no browser
 * can be sent to, which is refused too: a port outside 1–65535 (a browser's URL parser fails on a
 * larger one; port 0 is never served), and an http(s) authority that is no host name or IP address
 * ({@code https://a_b.example}, {@code https://a..example}).
 */
final class WebUrls {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> NEVER = Set.of("javascript", "data", "vbscript", "file", "blob", "about", "ftp", "ws", "wss");
    /**
     * The port at the end of an authority, also of one {@link URI} could not read as host and port
     * (it gives no port then, e.g. for {@code myapp://done:99999999999}); not an IPv6 literal's colons.
     */
    private static final Pattern PORT = Pattern.compile(":(\\d+)$");
    private static final int MAX_PORT = 65535;

    private WebUrls() {
    }

    /** {@code raw} as a redirect URI, or 400 naming {@code field} and the rule it breaks. */
    static String redirectUri(String field, String raw) {
        URI uri = parse(field, raw);
        if (uri.getRawQuery() != null) {
            throw invalid(field, raw, "carries a query string; the flows add their own parameters");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            if (NEVER.contains(scheme)) {
                throw invalid(field, raw, "uses the scheme '" + scheme + "'");
            }
            return raw.strip();
        }
        return web(field, uri, raw);
    }

    /** {@code raw} as a web page or image the webview links to, or 400. */
    static String webPage(String field, String raw) {
        URI uri = parse(field, raw);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(field, raw, "is not an https:// URL");
        }
        return web(field, uri, raw);
    }

    private static String web(String field, URI uri, String raw) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(field, raw, uri.getRawAuthority() == null ? "names no host"
                    : "names no host a browser can reach: '" + shown(uri.getRawAuthority()) + "' is no host name or IP address");
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw invalid(field, raw, "uses http:// on a host other than localhost; use https://");
        }
        return raw.strip();
    }

    private static URI parse(String field, String raw) {
        String value = raw.strip();
        if (value.length() > MAX_LENGTH) {
            throw ApiError.INVALID_VALUE.exception("'" + field + "' holds a URL longer than " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw invalid(field, value, "is not an absolute URL such as https://app.example.com/callback");
            }
            if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw invalid(field, value, "carries a fragment or user info");
            }
            Matcher port = PORT.matcher(uri.getRawAuthority() == null ? "" : uri.getRawAuthority());
            if (port.find() && !validPort(port.group(1))) {
                throw invalid(field, value, "has the port " + shown(port.group(1)) + "; a port is 1 to " + MAX_PORT);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(field, value, "is not a URL");
        }
    }

    private static boolean validPort(String digits) {
        return WireInteger.parse(digits).stream().anyMatch(port -> port >= 1 && port <= MAX_PORT);
    }

    private static RuntimeException invalid(String field, String value, String why) {
        return ApiError.INVALID_VALUE.exception("'" + field + "': " + shown(value) + " " + why);
    }

    private static String shown(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}
