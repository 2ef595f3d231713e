package dev.passerelle.server.api;

import java.util.OptionalLong;

/**
 * An integer as the protocol writes one (a user id, {@code limit}, {@code offset}, ids in a body):
 * ASCII digits, with a minus sign for a negative one. {@code Long.parseLong} alone also reads a plus
 * sign and the digits of every script ({@code \uFF12} is 2), which would give one resource several
 * names, which no client means and a cache or an audit log would tell apart.
 */
public final class WireInteger {

    private WireInteger() {
    }

    /** The integer {@code raw} spells, surrounding spaces aside; empty if it spells none. */
    public static OptionalLong parse(String raw) {
        String digits = raw.strip();
        int start = digits.startsWith("-") ? 1 : 0;
        if (digits.length() == start || digits.length() > start + 19) {
            return OptionalLong.empty();
        }
        for (int i = start; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException beyondLong) {
            return OptionalLong.empty();
        }
    }

    /** The integer parameter {@code name}, or {@link ApiError#INVALID_VALUE} naming it. */
    public static long require(String name, String raw) {
        return parse(raw).orElseThrow(() -> ApiError.INVALID_VALUE.exception("'" + name + "' must be an integer"));
    }
}
