package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Sends the answers of {@link NoStore} handlers, errors included, with caching forbidden. */
@Component
public class NoStoreInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && (method.hasMethodAnnotation(NoStore.class) || method.getBeanType().isAnnotationPresent(NoStore.class))) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        }
        return true;
    }
}
