package dev.passerelle.server.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Puts the CSRF token into every form a template declares with {@code th:action}: Thymeleaf asks
 * this processor (Spring's {@code requestDataValueProcessor}) for hidden fields, as it does for
 * Spring Security's. No console form can forget it; {@link ConsoleGuard} checks it on every POST.
 */
@Component("requestDataValueProcessor")
class ConsoleCsrfFields implements RequestDataValueProcessor {

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Object token = request.getAttribute(ConsoleGuard.CSRF);
        return token == null ? Map.of() : Map.of(ConsoleGuard.CSRF_FIELD, token.toString());
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
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
