package dev.passerelle.server.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver;

/**
 * Integer path variables and request parameters ({@code @PathVariable long connection}) read the
 * way the rest of the API reads integers: {@link WireInteger}'s ASCII digits. Spring's conversion
 * alone also reads {@code +1}, {@code 0x1}, {@code #1} and other scripts' digits, and drops every
 * space ({@code 1 2} is 12), so one connection answered to many names. The raw text is checked,
 * then Spring's own resolver binds it as before (defaults, required values, its errors); a value
 * refused here is Spring's own type mismatch, so it gets the answer any other mistyped value gets.
 * An integer request parameter is given once ({@link SingleValue}): Spring's conversion would keep
 * the first of several. Only those two resolvers are wrapped, and only an integer parameter is read
 * twice: any other argument pays one type lookup, and no data binder is changed.
 */
final class WireIntegerArguments implements HandlerMethodArgumentResolver {

    private static final Set<Class<?>> INTEGERS = Set.of(long.class, Long.class, int.class, Integer.class);

    private final HandlerMethodArgumentResolver spring;

    private WireIntegerArguments(HandlerMethodArgumentResolver spring) {
        this.spring = spring;
    }

    /** {@code resolvers} with Spring's path variable and request parameter resolvers wrapped. */
    static List<HandlerMethodArgumentResolver> around(List<HandlerMethodArgumentResolver> resolvers) {
        return resolvers.stream()
                .map(resolver -> resolver instanceof PathVariableMethodArgumentResolver
                        || resolver instanceof RequestParamMethodArgumentResolver
                        ? new WireIntegerArguments(resolver) : resolver)
                .toList();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return spring.supportsParameter(parameter);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                                            NativeWebRequest request, @Nullable WebDataBinderFactory binders)
            throws Exception {
        if (INTEGERS.contains(parameter.getNestedParameterType())) {
            String raw = SingleValue.of(name(parameter), rawValues(parameter, request));
            if (raw != null && !raw.isEmpty() && WireInteger.parse(raw).isEmpty()) {
                throw new MethodArgumentTypeMismatchException(raw, parameter.getNestedParameterType(),
                        name(parameter), parameter, null);
            }
        }
        return spring.resolveArgument(parameter, container, request, binders);
    }

    private static String[] rawValues(MethodParameter parameter, NativeWebRequest request) {
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            String value = variables == null ? null : variables.get(name(parameter));
            return value == null ? new String[0] : new String[] {value};
        }
        String[] values = request.getParameterValues(name(parameter));
        return values == null ? new String[0] : values;
    }

    /** The name Spring's resolvers read: the annotation's, else the parameter's own. */
    private static String name(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        String named = path != null ? path.name() : param != null ? param.name() : "";
        return named.isEmpty() ? String.valueOf(parameter.getParameterName()) : named;
    }
}
