package dev.passerelle.server.clients;

import java.util.Locale;

/**
 * A client's colour as a style sheet for the webview: {@code --accent} is the primary colour and
 * {@code --accent-ink} the text on it, black or white, whichever contrasts more (WCAG 2.1 relative
 * luminance). The colour was checked as six hex digits, so the sheet holds nothing else.
 */
public final class WebviewTheme {

    private WebviewTheme() {
    }

    /** The style sheet for {@code primaryColor} (six hex digits, or null: no override). */
    public static String css(String primaryColor) {
        if (primaryColor == null) {
            return "/* no client colour */\n";
        }
        String hex = primaryColor.toLowerCase(Locale.ROOT);
        String ink = luminance(hex) > 0.179 ? "#000000" : "#ffffff";
        return ":root { --accent: #" + hex + "; --accent-ink: " + ink + "; }\n";
    }

    private static double luminance(String hex) {
        double r = channel(Integer.parseInt(hex.substring(0, 2), 16));
        double g = channel(Integer.parseInt(hex.substring(2, 4), 16));
        double b = channel(Integer.parseInt(hex.substring(4, 6), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
