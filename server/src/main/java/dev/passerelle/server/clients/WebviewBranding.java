package dev.passerelle.server.clients;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.UserText;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the webview presents itself for a client application (docs/protocol.md §1.3 client
 * {@code config}): the name it shows, a logo, the primary colour (hex without {@code #}), the text
 * the user consents to and the link to the client's privacy policy; and the flags Powens lists
 * ({@code disable_connector_hints}, {@code use_app_layout}, {@code disable_accounts_pre_check}).
 * Every text is optional; the webview shows its own defaults instead. What an operator sends goes
 * through {@link #checked}; what is stored is read back as it is.
 */
public record WebviewBranding(String displayName, String logoUrl, String primaryColor, String consentText,
                              String privacyUrl, boolean disableConnectorHints, boolean useAppLayout,
                              boolean disableAccountsPreCheck) {

    public static final WebviewBranding NONE = new WebviewBranding(null, null, null, null, null, false, false, false);
    static final int MAX_DISPLAY_NAME = 100;
    static final int MAX_CONSENT_TEXT = 2000;
    private static final Pattern COLOUR = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

    /** The branding an operator sent, normalised (blank texts are none, colours upper-case), or 400 naming what is wrong. */
    public static WebviewBranding checked(String displayName, String logoUrl, String primaryColor, String consentText,
                                          String privacyUrl, boolean disableConnectorHints, boolean useAppLayout,
                                          boolean disableAccountsPreCheck) {
        return new WebviewBranding(text("display_name", displayName, MAX_DISPLAY_NAME),
                blank(logoUrl) ? null : WebUrls.webPage("logo_url", logoUrl),
                blank(primaryColor) ? null : colour(primaryColor.strip()),
                text("consent_text", consentText, MAX_CONSENT_TEXT),
                blank(privacyUrl) ? null : WebUrls.webPage("privacy_url", privacyUrl),
                disableConnectorHints, useAppLayout, disableAccountsPreCheck);
    }

    /**
     * The branding of a form being typed, for the preview: each value as {@link #checked} makes it,
     * or left out while it is invalid.
     */
    public static WebviewBranding draft(String displayName, String logoUrl, String primaryColor, String consentText,
                                        String privacyUrl) {
        return new WebviewBranding(valid(() -> text("display_name", displayName, MAX_DISPLAY_NAME)),
                valid(() -> blank(logoUrl) ? null : WebUrls.webPage("logo_url", logoUrl)),
                valid(() -> blank(primaryColor) ? null : colour(primaryColor.strip())),
                valid(() -> text("consent_text", consentText, MAX_CONSENT_TEXT)),
                valid(() -> blank(privacyUrl) ? null : WebUrls.webPage("privacy_url", privacyUrl)), false, false, false);
    }

    private static String valid(Supplier<String> value) {
        try {
            return value.get();
        } catch (ApiException invalid) {
            return null;
        }
    }

    /** {@code #rrggbb} for a style sheet, or null. */
    public String cssColour() {
        return primaryColor == null ? null : "#" + primaryColor.toLowerCase(Locale.ROOT);
    }

    private static String colour(String raw) {
        var match = COLOUR.matcher(raw);
        if (!match.matches()) {
            throw ApiError.INVALID_VALUE.exception("'primary_color' is a hexadecimal colour such as F45B9A");
        }
        String hex = match.group(1).toUpperCase(Locale.ROOT);
        return hex.length() == 6 ? hex
                : hex.chars().mapToObj(c -> Character.toString(c).repeat(2)).collect(Collectors.joining());
    }

    private static String text(String field, String value, int max) {
        return blank(value) ? null : UserText.lines(field, value, max);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
