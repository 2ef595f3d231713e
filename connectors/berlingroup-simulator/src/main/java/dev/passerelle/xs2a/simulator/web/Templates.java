package dev.passerelle.xs2a.simulator.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The bank's HTML pages: Mustache templates under {@code templates/} (every {@code {{value}}} is
 * HTML-escaped), their texts from the {@code simulator-messages} bundle, given to templates as {@code t}.
 */
public final class Templates {

    private final MustacheFactory factory = new DefaultMustacheFactory("templates");
    private final Map<String, String> texts;

    public Templates() {
        ResourceBundle bundle = ResourceBundle.getBundle("simulator-messages", Locale.ROOT);
        Map<String, String> loaded = new HashMap<>();
        for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            loaded.put(key, bundle.getString(key));
        }
        this.texts = Map.copyOf(loaded);
    }

    /** Renders {@code templates/<name>.mustache} with {@code model} (plus {@code t}, the texts). */
    public String render(String name, Map<String, Object> model) {
        Mustache template = factory.compile(name + ".mustache");
        Map<String, Object> scope = new HashMap<>(model);
        scope.put("t", texts);
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in simulator-messages");
        }
        return text;
    }
}
