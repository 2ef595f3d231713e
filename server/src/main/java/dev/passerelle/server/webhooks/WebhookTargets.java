package dev.passerelle.server.webhooks;

import dev.passerelle.server.api.ApiError;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.springframework.stereotype.Component;

/**
 * Where webhook calls may go. A URL must be an absolute http(s) URL of at most
 * {@value #MAX_URL_LENGTH} characters; unless {@code passerelle.webhooks.allow-private-targets}
 * is set, its host must reach only public addresses ({@link TargetAddresses}). That is checked
 * twice: when the URL is registered, for a clear 400, and at each delivery by the sender's
 * resolver ({@link #resolver()}), which hands the connection only the addresses it checked, so a
 * name that resolves elsewhere later (DNS rebinding) cannot reach a private address.
 */
@Component
class WebhookTargets {

    static final int MAX_URL_LENGTH = 2000;

    private static final String NOT_PUBLIC = "'url' must reach a public address: its host is or resolves to a loopback, "
            + "private, link-local, unique-local, multicast, unspecified or metadata address "
            + "(allowed only with passerelle.webhooks.allow-private-targets=true)";

    private final boolean allowPrivate;

    WebhookTargets(WebhooksProperties properties) {
        this.allowPrivate = properties.allowPrivateTargets();
    }

    /** A refused delivery target: the host resolves to an address that is not public. */
    static final class RefusedTarget extends UnknownHostException {
        RefusedTarget() {
            // the delivery log's error, so without the host, which may be long: the endpoint's URL names it
            super("the URL's host resolves to a non-public address (passerelle.webhooks.allow-private-targets is off)");
        }
    }

    /**
     * {@code url} as stored, or 400 {@code invalidValue}. A host that does not resolve yet is
     * accepted: each delivery checks it again.
     */
    String checkedUrl(String url) {
        URI uri = parsed(bounded(url));
        if (allowPrivate) {
            return uri.toString();
        }
        try {
            resolve(uri.getHost());
        } catch (RefusedTarget refused) {
            throw ApiError.INVALID_VALUE.exception(NOT_PUBLIC);
        } catch (UnknownHostException notYet) {
            // the receiver's name may be published later; deliveries resolve and check it each time
        } catch (IllegalArgumentException malformed) {
            throw invalidUrl();
        }
        return uri.toString();
    }

    /**
     * The URL of a listener endpoint ({@link WebhookListeners}), or 400 {@code invalidValue}: the
     * server never connects to it (the CLI on the developer's machine does), so its address is no
     * concern of the server's; usually {@code localhost}.
     */
    String checkedListenerUrl(String url) {
        return parsed(bounded(url)).toString();
    }

    /** The resolver of the sender's connections: every address checked, or none. */
    DnsResolver resolver() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return WebhookTargets.this.resolve(host);
                } catch (IllegalArgumentException malformed) {
                    throw new UnknownHostException(host);
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                resolve(host);
                return host; // no reverse lookup: only the checked name is used
            }
        };
    }

    /**
     * The addresses of {@code host} (a literal is not looked up), refused as a whole when one of
     * them is not public: a name with one public and one private address could reach either.
     */
    private InetAddress[] resolve(String host) throws UnknownHostException {
        Optional<InetAddress> literal = TargetAddresses.literal(host);
        InetAddress[] addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(host);
        if (!allowPrivate && !Arrays.stream(addresses).allMatch(TargetAddresses::isPublic)) {
            throw new RefusedTarget();
        }
        return addresses;
    }

    private static String bounded(String url) {
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw ApiError.INVALID_VALUE.exception("'url' is longer than " + MAX_URL_LENGTH + " characters");
        }
        return trimmed;
    }

    /**
     * {@code url} with its scheme in lower case: schemes are case-insensitive and lower case is
     * their canonical form (RFC 3986 §3.1), so {@code HTTPS://} is stored and called as {@code https://}.
     */
    private static URI parsed(String url) {
        try {
            URI uri = URI.create(url);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw invalidUrl();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https").contains(scheme)) {
                throw invalidUrl();
            }
            return URI.create(scheme + url.substring(scheme.length()));
        } catch (IllegalArgumentException malformed) {
            throw invalidUrl();
        }
    }

    private static RuntimeException invalidUrl() {
        return ApiError.INVALID_VALUE.exception("'url' must be an absolute http or https URL");
    }
}
