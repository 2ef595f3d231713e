package dev.passerelle.server.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: only globally reachable unicast ones, so that a
 * registered URL cannot make the server call itself, its network or a cloud metadata service
 * (server-side request forgery, OWASP SSRF Prevention Cheat Sheet). The blocks are those of the
 * IANA special-purpose registries (RFC 6890 and updates) that are not globally reachable, plus
 * multicast; an IPv6 address that embeds an IPv4 one (mapped, compatible, NAT64, 6to4, Teredo) is
 * judged by the IPv4 address it reaches.
 */
final class TargetAddresses {

    private static final List<Block> NOT_PUBLIC_V4 = List.of(
            Block.v4("0.0.0.0", 8),        // "this network", the unspecified address
            Block.v4("10.0.0.0", 8),       // private (RFC 1918)
            Block.v4("100.64.0.0", 10),    // shared address space (carrier-grade NAT); Alibaba's metadata 100.100.100.200
            Block.v4("127.0.0.0", 8),      // loopback
            Block.v4("169.254.0.0", 16),   // link-local; the metadata service of AWS, GCP, Azure 169.254.169.254
            Block.v4("172.16.0.0", 12),    // private
            Block.v4("192.0.0.0", 24),     // IETF protocol assignments; Oracle Cloud's metadata 192.0.0.192
            Block.v4("192.0.2.0", 24),     // documentation
            Block.v4("192.88.99.0", 24),   // 6to4 relay anycast (deprecated)
            Block.v4("192.168.0.0", 16),   // private
            Block.v4("198.18.0.0", 15),    // benchmarking
            Block.v4("198.51.100.0", 24),  // documentation
            Block.v4("203.0.113.0", 24),   // documentation
            Block.v4("224.0.0.0", 4),      // multicast
            Block.v4("240.0.0.0", 4));     // reserved, and the broadcast address 255.255.255.255

    private static final List<Block> NOT_PUBLIC_V6 = List.of(
            Block.v6("::", 128),           // unspecified
            Block.v6("::1", 128),          // loopback
            Block.v6("64:ff9b:1::", 48),   // local-use IPv4/IPv6 translation
            Block.v6("100::", 64),         // discard-only
            Block.v6("2001:db8::", 32),    // documentation
            Block.v6("3fff::", 20),        // documentation
            Block.v6("fc00::", 7),         // unique local, e.g. AWS's IPv6 metadata fd00:ec2::254
            Block.v6("fe80::", 10),        // link-local
            Block.v6("fec0::", 10),        // site-local (deprecated)
            Block.v6("ff00::", 8));        // multicast

    /** IPv6 blocks whose addresses carry an IPv4 address, and where in the 16 bytes it sits. */
    private static final List<Embedding> EMBEDDED_V4 = List.of(
            new Embedding(Block.v6("::ffff:0:0", 96), 12, false),   // IPv4-mapped
            new Embedding(Block.v6("::", 96), 12, false),           // IPv4-compatible (deprecated)
            new Embedding(Block.v6("64:ff9b::", 96), 12, false),    // NAT64 well-known prefix
            new Embedding(Block.v6("2002::", 16), 2, false),        // 6to4
            new Embedding(Block.v6("2001::", 32), 12, true));       // Teredo: the client's address, inverted

    private TargetAddresses() {
    }

    /** Whether {@code address} is a globally reachable unicast address. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return NOT_PUBLIC_V4.stream().noneMatch(block -> block.contains(bytes));
        }
        if (NOT_PUBLIC_V6.stream().anyMatch(block -> block.contains(bytes))) {
            return false;
        }
        return EMBEDDED_V4.stream().filter(embedding -> embedding.block().contains(bytes)).findFirst()
                .map(embedding -> isPublic(embedding.ipv4(bytes)))
                .orElse(true);
    }

    /**
     * The address a URL host names literally, without any lookup: an IPv6 literal (with or without
     * brackets) or an IPv4 address in any spelling the C library's {@code inet_aton} reads, which
     * is how the system resolver treats a numeric host ({@code 2130706433}, {@code 0x7f.1},
     * {@code 017700000001} are all 127.0.0.1). Empty for a host name.
     */
    static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.contains(":")) {
            return Optional.of(parsed(bare));
        }
        return ipv4(bare).map(TargetAddresses::byAddress);
    }

    /** {@code inet_aton}: one to four parts, each decimal, octal (leading 0) or hexadecimal (0x); the last fills the rest. */
    private static Optional<byte[]> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = number(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        int leading = parts.length - 1;
        long last = values[leading];
        if (Arrays.stream(values, 0, leading).anyMatch(v -> v > 0xFF) || last >= 1L << (8 * (4 - leading))) {
            return Optional.empty();
        }
        long address = last;
        for (int i = 0; i < leading; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        return Optional.of(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    private static Optional<Long> number(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        int radix = lower.startsWith("0x") ? 16 : lower.length() > 1 && lower.startsWith("0") ? 8 : 10;
        String digits = radix == 16 ? lower.substring(2) : radix == 8 ? lower.substring(1) : lower;
        if (digits.isEmpty() && radix != 16 || digits.length() > 12 || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(digits.isEmpty() ? 0L : Long.parseLong(digits, radix));
    }

    /**
     * An address literal, parsed without any lookup ({@code getByName} only looks names up);
     * {@link IllegalArgumentException} when it is not one.
     */
    private static InetAddress parsed(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notAnAddress) {
            throw new IllegalArgumentException("not an IP address: " + literal, notAnAddress);
        }
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 or 16 bytes", impossible);
        }
    }

    /** An address block: a prefix and its length in bits. */
    private record Block(byte[] prefix, int bits) {

        static Block v4(String address, int bits) {
            return new Block(parsed(address).getAddress(), bits);
        }

        static Block v6(String address, int bits) {
            byte[] bytes = parsed(address).getAddress();
            return new Block(bytes.length == 16 ? bytes : mapped(bytes), bits);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code getByName("::ffff:0:0")} answers an Inet4Address: back to the 16 bytes it was written as. */
        private static byte[] mapped(byte[] ipv4) {
            byte[] bytes = new byte[16];
            bytes[10] = (byte) 0xFF;
            bytes[11] = (byte) 0xFF;
            System.arraycopy(ipv4, 0, bytes, 12, 4);
            return bytes;
        }
    }

    /** Where an IPv6 block keeps an IPv4 address: from byte {@code offset}, bit-inverted for Teredo. */
    private record Embedding(Block block, int offset, boolean inverted) {

        InetAddress ipv4(byte[] ipv6) {
            byte[] v4 = Arrays.copyOfRange(ipv6, offset, offset + 4);
            if (inverted) {
                for (int i = 0; i < 4; i++) {
                    v4[i] = (byte) ~v4[i];
                }
            }
            return byAddress(v4);
        }
    }
}
