package dev.passerelle.server.webview;

import dev.passerelle.server.clients.WebviewBranding;
import dev.passerelle.server.clients.WebviewTheme;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /webview/theme.css?color=F45B9A}: a client application's primary colour as a style
 * sheet, linked by the webview's pages after {@code webview.css} and by the console's preview of
 * the webview. The pages' Content-Security-Policy allows style sheets from this server only, never
 * inline styles, hence a sheet of its own. The sheet is a pure function of the colour, which is
 * read as the client form reads it (anything else gives an empty sheet), so it is cached for good.
 * A page's resource, not an API route: the OpenAPI document leaves it out.
 */
@Hidden
@RestController
class WebviewThemeSheet {

    static final String PATH = "/webview/theme.css";
    static final MediaType CSS = MediaType.valueOf("text/css;charset=UTF-8");

    @GetMapping(PATH)
    ResponseEntity<String> theme(@RequestParam(required = false) String color) {
        String checked = WebviewBranding.draft(null, null, color, null, null).primaryColor();
        return ResponseEntity.ok().contentType(CSS)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(WebviewTheme.css(checked));
    }
}
