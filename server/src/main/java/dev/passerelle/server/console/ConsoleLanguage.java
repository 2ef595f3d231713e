package dev.passerelle.server.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language pages are rendered in (the application's {@code localeResolver}). In the console:
 * {@code ?lang=fr} or {@code en} (remembered in a cookie), else the cookie, else the browser's
 * {@code Accept-Language}, else English. Elsewhere, as Spring's default: {@code Accept-Language}.
 */
@Component("localeResolver")
class ConsoleLanguage implements LocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
    private final AcceptHeaderLocaleResolver everywhere = new AcceptHeaderLocaleResolver();

    ConsoleLanguage() {
        browser.setSupportedLocales(SUPPORTED);
        browser.setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return ConsoleGuard.isConsole(request) ? inConsole(request) : everywhere.resolveLocale(request);
    }

    /** The console's language for {@code request}, wherever it is routed (a page the error dispatch renders too). */
    Locale inConsole(HttpServletRequest request) {
        return supported(request.getParameter("lang")).orElseGet(() -> savedOrBrowsers(request));
    }

    /**
     * The console's language for a request the container refused, which the application must not read
     * further (a multipart body in a transfer coding it cannot decode would throw): {@code lang} of
     * the query string as sent, never of a body, else the saved or the browser's one.
     */
    Locale ofRefused(HttpServletRequest request) {
        String query = request.getQueryString();
        return supported(query == null ? null
                : UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("lang"))
                .orElseGet(() -> savedOrBrowsers(request));
    }

    /** The language the operator chose before (its cookie), else the browser's: for a request whose parameters cannot be read. */
    Locale savedOrBrowsers(HttpServletRequest request) {
        return ConsoleCookies.read(request, ConsoleCookies.LANGUAGE).flatMap(ConsoleLanguage::supported)
                .orElseGet(() -> browser.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The console's language is chosen with ?lang=");
    }

    static Optional<Locale> supported(String code) {
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(code)).findFirst();
    }
}
