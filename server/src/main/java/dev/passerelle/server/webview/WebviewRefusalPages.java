package dev.passerelle.server.webview;

import dev.passerelle.server.api.RefusalPages;
import dev.passerelle.server.api.RoutedPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The webview's error page ({@code templates/webview/refused.html}): a URL the server will not serve
 * a flow for, in the page's language, never a redirect. Also the answer to a webview URL whose
 * parameters cannot be read (an integrator that encoded {@code state} in Latin-1), which is refused
 * before any controller runs, and to a path near the pages that names none ({@link RefusalPages}).
 */
@Component
class WebviewRefusalPages implements RefusalPages {

    /** The webview's pages ({@code /webview/[{lang}/]{flow}}, the return page); not its session route nor its assets. */
    private static final Pattern PAGE = Pattern.compile("/webview/(?:([^/]+)/)?(?!session$)[^/.]+");
    /** Paths under the webview's that name no page (a trailing slash, a segment too many); not an asset's. */
    private static final Pattern NEAR_A_PAGE = Pattern.compile("/webview(?:/([^/.]*))?(?:/[^/.]*)*");

    private final WebviewPages pages;
    private final WebviewAssets assets;
    private final MessageSource messages;

    WebviewRefusalPages(WebviewPages pages, WebviewAssets assets, MessageSource messages) {
        this.pages = pages;
        this.assets = assets;
        this.messages = messages;
    }

    ResponseEntity<String> refused(HttpServletRequest request, HttpStatus status, WebviewLanguage lang, String title,
                                   String message) {
        return pages.render(status, "refused", lang, Map.of("links", assets.links(request),
                "title", messages.getMessage(title, null, lang.locale()),
                "message", messages.getMessage(message, null, lang.locale())), null);
    }

    @Override
    public Optional<ResponseEntity<String>> unreadable(HttpServletRequest request, HttpServletResponse response) {
        return refusedOn(PAGE, RoutedPath.of(request), request, HttpStatus.BAD_REQUEST, "webview.refused.title",
                WebviewRefusal.UNREADABLE.key());
    }

    @Override
    public Optional<ResponseEntity<String>> notFound(HttpServletRequest request) {
        return refusedOn(NEAR_A_PAGE, RoutedPath.of(request), request, HttpStatus.NOT_FOUND, "webview.notFound.title",
                "webview.notFound.message");
    }

    /** A link whose path the container refused ({@code /webview/fr/connect%2Fx}): the link is damaged, as one whose parameters are. */
    @Override
    public Optional<ResponseEntity<String>> containerRefused(HttpServletRequest request, HttpServletResponse response,
                                                              String path, HttpStatus status) {
        return refusedOn(NEAR_A_PAGE, path, request, status, "webview.refused.title", WebviewRefusal.UNREADABLE_PATH.key());
    }

    /** The error page for a GET whose {@code routed} path {@code paths} matches, in the language its first group names (else the browser's). */
    private Optional<ResponseEntity<String>> refusedOn(Pattern paths, String routed, HttpServletRequest request,
                                                       HttpStatus status, String title, String message) {
        Matcher path = paths.matcher(routed);
        if (!"GET".equals(request.getMethod()) || !path.matches()) {
            return Optional.empty();
        }
        WebviewLanguage lang = WebviewLanguage.resolve(path.group(1), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return Optional.of(refused(request, status, lang, title, message));
    }
}
