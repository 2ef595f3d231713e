package dev.passerelle.server.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Puts the CSRF token into every form a template declares with {@code th:action} and
 * {@code method="post"}: Thymeleaf asks this processor (Spring's {@code requestDataValueProcessor})
 * for hidden fields, as it does for Spring Security's. No console form that changes something can
 * forget it; {@link ConsoleGuard} checks it on every POST. A GET form (a search) gets none: its
 * fields end up in the address, and a token there is written to the browser's history and to the
 * logs of every proxy on the way (OWASP CSRF Prevention Cheat Sheet: never transmit it in URLs).
 */
@Component("requestDataValueProcessor")
class ConsoleCsrfFields implements RequestDataValueProcessor {

    /** Request attribute: the form being rendered is no POST. Thymeleaf asks for a form's action, then for its hidden fields. */
    private static final String NOT_POSTED = ConsoleCsrfFields.class.getName() + ".notPosted";

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Object token = request.getAttribute(ConsoleGuard.CSRF);
        return token == null || request.getAttribute(NOT_POSTED) != null ? Map.of()
                : Map.of(ConsoleGuard.CSRF_FIELD, token.toString());
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
        if ("post".equalsIgnoreCase(httpMethod)) {
            request.removeAttribute(NOT_POSTED);
        } else {
            request.setAttribute(NOT_POSTED, Boolean.TRUE);
        }
        return action;
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return value;
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return url;
    }
}
