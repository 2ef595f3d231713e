package dev.passerelle.server.webview;

import java.util.Arrays;
import java.util.Optional;

/**
 * The languages the webview speaks ({@code {lang}} in the URL, PROTOCOL-NOTES §10.1). Powens offers
 * more; Passerelle ships French and English, and an unknown language is refused rather than guessed.
 */
enum WebviewLanguage {
    FR("fr"),
    EN("en");

    private final String code;

    WebviewLanguage(String code) {
        this.code = code;
    }

    static Optional<WebviewLanguage> of(String code) {
        return Arrays.stream(values()).filter(lang -> lang.code.equals(code)).findFirst();
    }

    String code() {
        return code;
    }
}
