package dev.passerelle.server.webview;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The webview's static files ({@code static/webview}: the bundled script, the style sheet, the
 * icon) under URLs that carry a hash of their content ({@code webview-<md5>.js}): the pages link
 * those, so browsers and proxies keep a file for a year and fetch it again only when it changed.
 * Compression of these text types is the server's ({@code server.compression} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class WebviewAssets implements WebMvcConfigurer {

    static final String PATH = "/webview/";
    private static final Duration KEPT = Duration.ofDays(365);

    /** Made by the MVC configuration this class is part of: looked up when a page is served. */
    private final ObjectProvider<ResourceUrlProvider> urls;

    WebviewAssets(ObjectProvider<ResourceUrlProvider> urls) {
        this.urls = urls;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "**")
                .addResourceLocations("classpath:/static" + PATH)
                .setCacheControl(CacheControl.maxAge(KEPT).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /** The links a page needs, with their content hash, under this request's context path. */
    Links links(HttpServletRequest request) {
        return new Links(url(request, "webview.js"), url(request, "webview.css"), url(request, "favicon.svg"),
                request.getContextPath() + WebviewThemeSheet.PATH);
    }

    private String url(HttpServletRequest request, String file) {
        String versioned = urls.getObject().getForLookupPath(PATH + file);
        if (versioned == null) {
            throw new IllegalStateException("The webview's " + file + " is missing from the class path; build with Maven");
        }
        return request.getContextPath() + versioned;
    }

    /** What the templates link to; {@code theme} is the client colour's sheet, without its query. */
    record Links(String script, String css, String favicon, String theme) {
    }
}
