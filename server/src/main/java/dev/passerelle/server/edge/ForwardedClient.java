package dev.passerelle.server.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the chain of addresses a request went through from {@code Forwarded} (RFC 7239) or, when
 * absent, {@code X-Forwarded-For}, and finds the client in it: walking from the nearest hop back,
 * the first address that is not a trusted proxy. A hop that is not an IP literal (a hostname, an
 * obfuscated {@code _id}, {@code unknown}, garbage) ends the walk at the last address known, so a
 * client can never inject a name that the server would resolve.
 */
final class ForwardedClient {

    private ForwardedClient() {
    }

    /** The client address, given the TCP peer (already known to be a trusted proxy). */
    static String resolve(String peer, Enumeration<String> forwarded, Enumeration<String> xForwardedFor,
                          Predicate<InetAddress> trusted) {
        List<String> hops = forwarded.hasMoreElements() ? forwardedFor(forwarded) : commaList(xForwardedFor);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = ipLiteral(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get().getHostAddress();
            if (!trusted.test(hop.get())) {
                break;
            }
        }
        return client;
    }

    /** Whether the nearest proxy says the client spoke HTTPS ({@code proto=https} or {@code X-Forwarded-Proto}). */
    static boolean secure(Enumeration<String> forwarded, Enumeration<String> xForwardedProto) {
        List<String> protos = forwarded.hasMoreElements() ? parameter(forwarded, "proto") : commaList(xForwardedProto);
        return !protos.isEmpty() && "https".equalsIgnoreCase(protos.getLast());
    }

    private static List<String> forwardedFor(Enumeration<String> headers) {
        return parameter(headers, "for");
    }

    /** The values of one parameter across every element of every {@code Forwarded} header, in order. */
    private static List<String> parameter(Enumeration<String> headers, String name) {
        List<String> values = new ArrayList<>();
        for (String element : commaList(headers)) {
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    values.add(unquote(pair.substring(eq + 1).strip()));
                }
            }
        }
        return values;
    }

    private static List<String> commaList(Enumeration<String> headers) {
        List<String> values = new ArrayList<>();
        for (String header : Collections.list(headers)) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * The address of an IP literal, with an optional port ({@code 192.0.2.1:4711},
     * {@code [2001:db8::1]:4711}), or empty for anything else. Never a DNS lookup.
     */
    static Optional<InetAddress> ipLiteral(String hop) {
        String host = hop;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            host = host.substring(1, end);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.indexOf(':') >= 0 ? ipv6(host) : ipv4(host);
    }

    private static Optional<InetAddress> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        return address(bytes, null);
    }

    private static Optional<InetAddress> ipv6(String host) {
        boolean literal = host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        return literal ? address(null, host) : Optional.empty();
    }

    private static Optional<InetAddress> address(byte[] bytes, String ipv6) {
        try {
            // An IPv6 literal (it has a colon) is parsed, never looked up.
            return Optional.of(bytes != null ? InetAddress.getByAddress(bytes) : InetAddress.getByName(ipv6));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
