package dev.passerelle.server.logging;

/** Text made safe for one log line. */
public final class LogText {

    private LogText() {
    }

    /**
     * {@code text} with every control character (C0, DEL, C1) and Unicode line or paragraph
     * separator written as an escape: CR and LF as {@code \r} and {@code \n}, the others as
     * {@code \\uXXXX}. Null stays null.
     */
    public static String oneLine(String text) {
        if (text == null || text.chars().noneMatch(LogText::breaks)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\r' -> safe.append("\\r");
                case '\n' -> safe.append("\\n");
                default -> {
                    if (breaks(c)) {
                        safe.append(String.format("\\u%04x", c));
                    } else {
                        safe.append((char) c);
                    }
                }
            }
        });
        return safe.toString();
    }

    private static boolean breaks(int c) {
        return Character.isISOControl(c) && c != '\t' || c == '\u2028' || c == '\u2029';
    }
}
