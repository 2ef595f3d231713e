package dev.passerelle.server.webview;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the webview speaks ({@code {lang}} in the URL, docs/webview.md "URLs"). Powens offers
 * more; Passerelle ships French and English. A URL without a language, or with one Passerelle does
 * not speak, gets the browser's preferred language among these ({@code Accept-Language}), and
 * English when the browser prefers none of them.
 */
enum WebviewLanguage {
    FR("fr"),
    EN("en");

    static final WebviewLanguage FALLBACK = EN;

    private final String code;

    WebviewLanguage(String code) {
        this.code = code;
    }

    static Optional<WebviewLanguage> of(String code) {
        return Arrays.stream(values()).filter(lang -> lang.code.equalsIgnoreCase(code)).findFirst();
    }

    /** The best of ours for an {@code Accept-Language} header (RFC 9110 §12.5.4), or the fallback. */
    static WebviewLanguage negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FALLBACK;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
        List<Locale> ours = Arrays.stream(values()).map(WebviewLanguage::locale).toList();
        return Optional.ofNullable(Locale.lookup(ranges, ours)).flatMap(found -> of(found.getLanguage())).orElse(FALLBACK);
    }

    /** The language asked in the URL if we speak it, else the browser's. */
    static WebviewLanguage resolve(String asked, String acceptLanguage) {
        return Optional.ofNullable(asked).flatMap(WebviewLanguage::of).orElseGet(() -> negotiate(acceptLanguage));
    }

    String code() {
        return code;
    }

    Locale locale() {
        return Locale.of(code);
    }
}
