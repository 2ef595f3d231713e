package dev.passerelle.server.webauth;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The few HTML pages a browser sees during a web authentication: self-contained (no script, no
 * external asset, inline style only), in French with English alongside, never cached, never framed
 * (a consent button must not be clickjacked) and leaking no referrer (URLs carry codes).
 */
public final class HtmlPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
            h1{font-size:1.4rem}label{display:block;margin-top:1rem;font-weight:600}
            input{display:block;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem;box-sizing:border-box}
            button{margin-top:1.25rem;margin-right:.5rem;padding:.6rem 1.2rem;font-size:1rem}
            .error{color:#a00000;border:1px solid #a00000;padding:.5rem}.en{color:#555}
            ul{padding-left:1.2rem}li{margin:.3rem 0}""";

    private HtmlPage() {
    }

    /** HTML-escapes a value for an element or a double-quoted attribute. */
    public static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }

    /** A French sentence followed by its English translation; both already escaped. */
    public static String bilingual(String french, String english) {
        return french + " <span class=\"en\" lang=\"en\">/ " + english + "</span>";
    }

    /** A full page; {@code title} is plain text, {@code body} is HTML whose values were escaped. */
    public static ResponseEntity<String> of(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>\n"
                + body + "\n</body></html>\n";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CONTENT_LANGUAGE, "fr, en")
                .body(html);
    }

    /** An error page: what went wrong, for the person in front of the browser. */
    public static ResponseEntity<String> error(HttpStatus status, String french, String english) {
        return of(status, "Erreur / Error", "<h1>" + bilingual("Une erreur est survenue", "Something went wrong")
                + "</h1>\n<p class=\"error\" role=\"alert\">" + bilingual(escape(french), escape(english)) + "</p>");
    }
}
