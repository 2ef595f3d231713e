package dev.passerelle.server.edge;

import dev.passerelle.server.api.RequestIds;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.MDC;

/**
 * The first thing every request meets in the container (an engine valve, so it wraps the error
 * pages and the container's own refusals too): its request id, in the log context for every line
 * written while it is served, {@code X-Content-Type-Options: nosniff} so that no answer is
 * sniffed into something executable, and a response buffer that holds a whole page of the API.
 */
final class RequestEntryValve extends ValveBase {

    /**
     * An answer that fits in the response buffer is sent with its {@code Content-Length} in one
     * write when it ends; one that overflows Tomcat's default 8 KB goes out as it is written, in
     * chunks (RFC 9112 §7.1), one write and one wake-up of the client each: a page of 50
     * transactions (27 KB) cost four. 64 KB holds a page of about a hundred transactions; a larger
     * answer is still streamed. Tomcat keeps the buffer with its recycled request objects (at most
     * its processor cache's 200: 12.5 MB).
     */
    private static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

    RequestEntryValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String id = RequestIds.assign(request, response);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setBufferSize(RESPONSE_BUFFER_BYTES);
        MDC.put(RequestIds.LOG_KEY, id);
        try {
            getNext().invoke(request, response);
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
        }
    }
}
