package dev.passerelle.cli;

import dev.passerelle.client.Wire;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectWriter;

/**
 * Text from the server, and through it from a bank (a transaction's wording, an account's name, a
 * bank's message), made fit for a terminal. A terminal obeys the control characters it is sent: ESC
 * and the C1 controls begin sequences that move the cursor, rewrite what was printed, set the
 * window's title or write the clipboard (OSC 52), so a wording a stranger typed into a transfer
 * could rewrite the user's screen. Bidirectional formatting characters reorder what is shown
 * (CVE-2021-42574), so an amount could read backwards. Each of them becomes U+FFFD; a line break or
 * a tab becomes a space, so that a value stays on its own line or cell.
 */
final class TerminalText {

    static final char REPLACEMENT = '\uFFFD';

    /** JSON written for the user: the C1 controls and bidirectional formatting escaped as {@code \\uXXXX}. */
    static final ObjectWriter JSON = Wire.json().writer().with(new Escapes());

    private TerminalText() {
    }

    static String of(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = c == '\n' || c == '\r' || c == '\t' ? ' ' : unsafe(c) ? REPLACEMENT : c;
            if (replacement != c && shown == null) {
                shown = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (shown != null) {
                shown.append(replacement);
            }
        }
        return shown == null ? text : shown.toString();
    }

    /** A C0 or C1 control, DEL, or a bidirectional mark, embedding, override or isolate (Unicode UAX #9). */
    static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** JSON escapes the C0 controls; these escape the rest of {@link #unsafe}, which JSON allows raw. */
    private static final class Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return unsafe(c) ? new SerializedString("\\u%04x".formatted(c)) : null;
        }
    }
}
