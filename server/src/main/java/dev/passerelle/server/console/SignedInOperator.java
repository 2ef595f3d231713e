package dev.passerelle.server.console;

import dev.passerelle.server.console.ConsoleSessions.Session;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves an {@link Operator} parameter to the operator of the request's session, which {@link ConsoleGuard} found. */
@Component
class SignedInOperator implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Operator.class;
    }

    @Override
    public Operator resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                    WebDataBinderFactory binders) {
        Object session = web.getNativeRequest(HttpServletRequest.class).getAttribute(ConsoleGuard.SESSION);
        if (!(session instanceof Session signedIn)) {
            throw new ConsoleRefusal("console.error.sessionEnded");
        }
        return signedIn.operator();
    }
}
