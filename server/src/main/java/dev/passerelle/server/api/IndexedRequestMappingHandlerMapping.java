package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC's request mappings, looked up through a {@link RouteIndex} first. Spring finds a path
 * without variables in a map, but matches a path with variables ({@code /users/me/transactions}
 * against {@code /users/{user}/transactions}) against every mapping of the application in turn,
 * each time reading the request's method, media types and parsed path: with the API's 139 routes,
 * an eighth of the CPU of a page of transactions (docs/performance.md, P2). Here a mapping whose
 * patterns the index rules out for the path is not a match, without Spring's conditions being
 * evaluated; every other mapping goes through Spring's own matching, ordering of the matches,
 * ambiguity check and no-match errors (405, 406, 415) unchanged.
 */
final class IndexedRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

    private final ThreadLocal<RouteIndex.Candidates> candidates = new ThreadLocal<>();
    private volatile @Nullable RouteIndex index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        // Case-insensitive literals, or segments split at another separator, are PathPattern's to
        // compare, not the index's; an ant-style matcher has no parsed patterns to index.
        PathPatternParser parser = getPatternParser();
        if (parser != null && parser.isCaseSensitive() && parser.getPathOptions().separator() == '/') {
            index = RouteIndex.of(handlerMethods.keySet());
        }
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        RouteIndex current = index;
        RouteIndex.Candidates found = current == null ? null : current.candidates(lookupPath);
        if (found == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        candidates.set(found);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            candidates.remove();
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        RouteIndex.Candidates found = candidates.get();
        if (found != null && !found.includes(info)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
