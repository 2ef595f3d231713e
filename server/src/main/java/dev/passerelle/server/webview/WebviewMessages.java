package dev.passerelle.server.webview;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The webview's words for its scripts: every {@code webview.*} key of the message bundles
 * ({@code messages*.properties}, the same ones the templates read), in one language, as the JSON
 * object the page carries ({@code data-messages}), keyed without the {@code webview.} prefix.
 * Placeholders are the scripts' own ({@code {connector}}), filled in the browser.
 */
@Component
class WebviewMessages {

    static final String PREFIX = "webview.";
    private static final String BUNDLE = "messages";

    private final Map<WebviewLanguage, String> json = new EnumMap<>(WebviewLanguage.class);

    WebviewMessages(MessageSource messages, ObjectMapper mapper) {
        for (WebviewLanguage lang : WebviewLanguage.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, lang.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> words = new TreeMap<>();
            bundle.keySet().stream().filter(key -> key.startsWith(PREFIX)).forEach(key ->
                    words.put(key.substring(PREFIX.length()), messages.getMessage(key, null, lang.locale())));
            json.put(lang, mapper.writeValueAsString(words));
        }
    }

    /** The scripts' words in {@code lang}, as JSON. */
    String forScripts(WebviewLanguage lang) {
        return json.get(lang);
    }
}
