package dev.passerelle.connector;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks a text among its translations for the user's languages (RFC 4647 §3.4 lookup). */
final class Translations {

    private Translations() {
    }

    static String pick(Map<String, String> byLanguage, List<Locale.LanguageRange> userLanguages, String fallback) {
        if (byLanguage.isEmpty() || userLanguages.isEmpty()) {
            return fallback;
        }
        return Optional.ofNullable(Locale.lookupTag(userLanguages, byLanguage.keySet())).map(byLanguage::get).orElse(fallback);
    }
}
