package dev.passerelle.server.webview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * An HTML page from the class path with {@code {{name}}} placeholders, each replaced by an
 * HTML-escaped value: the pages are small enough not to need a template engine, and escaping every
 * value keeps request parameters from becoming markup. Pre-built fragments go through {@link Html}.
 */
final class HtmlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String name;
    private final String text;

    private HtmlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static HtmlTemplate load(String classpathName) {
        try (InputStream in = new ClassPathResource(classpathName).getInputStream()) {
            return new HtmlTemplate(classpathName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the page " + classpathName, e);
        }
    }

    /** The page with every placeholder replaced; a placeholder without a value is a bug in the caller. */
    String render(Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 512);
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("No value for {{" + matcher.group(1) + "}} in " + name);
            }
            String html = value instanceof Html fragment ? fragment.markup() : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
            matcher.appendReplacement(out, Matcher.quoteReplacement(html));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Markup built by the caller from escaped parts; inserted as is. */
    record Html(String markup) {
        static Html escaped(String text) {
            return new Html(HtmlUtils.htmlEscape(text, "UTF-8"));
        }
    }
}
