package dev.passerelle.server.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One route of the running server, as Spring MVC maps it: a path pattern, the methods it takes
 * (empty: every method) and whether it answers errors in a format of its own: pages for browsers
 * (HTML) and the simulated bank's OAuth endpoints (RFC 6749 errors).
 */
record Route(String pattern, Set<String> methods, boolean ownErrorFormat) {

    /** Every route the server maps, discovered at run time so that new routes are fuzzed too. */
    static List<Route> discover(RequestMappingHandlerMapping mapping) {
        Map<String, Route> routes = new TreeMap<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            for (String pattern : info.getPatternValues()) {
                Route route = new Route(pattern, methods, hasOwnErrorFormat(info, handler));
                routes.merge(pattern + " " + methods, route, (a, b) -> a);
            }
        });
        return List.copyOf(routes.values());
    }

    private static boolean hasOwnErrorFormat(RequestMappingInfo info, HandlerMethod handler) {
        String pkg = handler.getBeanType().getPackageName();
        // the console's addresses are followed by a browser, and answer its pages whatever they serve (a JSON export)
        return info.getPatternValues().stream().allMatch(pattern -> pattern.startsWith("/console"))
                || pkg.endsWith(".webview") || pkg.endsWith(".webauth") || pkg.endsWith(".sandboxbank")
                || info.getProducesCondition().getProducibleMediaTypes().stream().anyMatch(t -> t.getSubtype().equals("html"));
    }
}
