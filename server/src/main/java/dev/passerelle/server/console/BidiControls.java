package dev.passerelle.server.console;

import java.util.regex.Pattern;

/**
 * The Unicode bidirectional formatting characters (UAX #9: the marks ALM, LRM and RLM, the embeddings
 * and overrides LRE to RLO with PDF, the isolates LRI to PDI): invisible, they reorder the text
 * around them. Shown as U+FFFD, as the CLI shows them (its {@code TerminalText}), so that the
 * operator sees something is there.
 */
final class BidiControls {

    private static final Pattern CONTROLS = Pattern.compile("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]");

    private BidiControls() {
    }

    static String shown(String text) {
        return CONTROLS.matcher(text).replaceAll("\uFFFD");
    }
}
