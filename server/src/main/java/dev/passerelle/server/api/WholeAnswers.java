package dev.passerelle.server.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An answer of up to 64 KB goes out whole: with its {@code Content-Length}, in one write when it
 * ends. With Tomcat's default 8 KB buffer, a larger one went out as it was written, in chunks (RFC
 * 9112 §7.1), each a write and a wake-up of the client: a page of 50 transactions (27 KB) took four
 * (docs/performance.md, P2). 64 KB holds a page of about a hundred transactions; a larger answer
 * is still streamed. The buffer is sized when the body is about to be written, not when the request
 * arrives, so that a request waiting on a slow bank holds none meanwhile (2,000 adds at once would
 * hold 125 MB).
 */
@ControllerAdvice
class WholeAnswers implements ResponseBodyAdvice<Object> {

    private static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (response instanceof ServletServerHttpResponse servlet && servlet.getServletResponse().getBufferSize() < BUFFER_BYTES) {
            try {
                servlet.getServletResponse().setBufferSize(BUFFER_BYTES);
            } catch (IllegalStateException begun) {
                // a body already begun (an error envelope after a failed write) keeps the buffer it had
            }
        }
        return body;
    }
}
