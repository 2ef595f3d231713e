package dev.passerelle.server.api;

import java.util.List;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Registers the argument resolvers and interceptors every feature package contributes, the
 * request mappings' lookup indexed by path ({@link IndexedRequestMappingHandlerMapping}) and
 * integer arguments read as ASCII digits ({@link WireIntegerArguments}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final List<HandlerMethodArgumentResolver> resolvers;
    private final List<HandlerInterceptor> interceptors;

    public WebConfig(List<HandlerMethodArgumentResolver> resolvers, List<HandlerInterceptor> interceptors) {
        this.resolvers = resolvers;
        this.interceptors = interceptors;
    }

    @Bean
    static WebMvcRegistrations indexedRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new IndexedRequestMappingHandlerMapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new RequestMappingHandlerAdapter() {
                    @Override
                    public void afterPropertiesSet() {
                        super.afterPropertiesSet();
                        setArgumentResolvers(WireIntegerArguments.around(getArgumentResolvers()));
                    }
                };
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        interceptors.forEach(registry::addInterceptor);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> argumentResolvers) {
        argumentResolvers.addAll(resolvers);
    }
}
