package dev.passerelle.server.edge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body decoded strictly (WHATWG URL, "application/
 * x-www-form-urlencoded parsing", with errors instead of replacement characters): {@code +} is a
 * space, {@code %XX} a byte, the bytes of each name and value must be valid in the charset, and
 * every parameter has a name. Empty chunks ({@code a=1&&b=2}) are skipped.
 */
final class FormBody {

    private FormBody() {
    }

    /** The parameters in order, or {@link Malformed} naming no value (it may be a password). */
    static Map<String, List<String>> decode(byte[] body, Charset charset) throws Malformed {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                int eq = indexOf(body, (byte) '=', start);
                int nameEnd = Math.min(eq, end);
                if (nameEnd == start) {
                    throw new Malformed("a parameter without a name");
                }
                String name = text(body, start, nameEnd, charset);
                String value = eq < end ? text(body, eq + 1, end, charset) : "";
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
        return parameters;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static String text(byte[] body, int from, int to, Charset charset) throws Malformed {
        ByteBuffer bytes = ByteBuffer.allocate(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.put((byte) ' ');
            } else if (b == '%') {
                if (i + 2 >= to || Character.digit(body[i + 1], 16) < 0 || Character.digit(body[i + 2], 16) < 0) {
                    throw new Malformed("a '%' not followed by two hexadecimal digits");
                }
                bytes.put((byte) (Character.digit(body[i + 1], 16) << 4 | Character.digit(body[i + 2], 16)));
                i += 2;
            } else {
                bytes.put(b);
            }
        }
        return strictly(bytes.flip(), charset);
    }

    /** {@code bytes} as text in {@code charset}, refused rather than patched with U+FFFD where invalid. */
    static String strictly(ByteBuffer bytes, Charset charset) throws Malformed {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("bytes that are not valid " + charset.name());
        }
    }

    /** Why a body cannot be decoded, without any of its content. */
    static final class Malformed extends Exception {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }
}
