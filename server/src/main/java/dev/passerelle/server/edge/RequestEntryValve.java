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
 * written while it is served, and {@code X-Content-Type-Options: nosniff} so that no answer is
 * sniffed into something executable.
 */
final class RequestEntryValve extends ValveBase {

    RequestEntryValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String id = RequestIds.assign(request, response);
        response.setHeader("X-Content-Type-Options", "nosniff");
        MDC.put(RequestIds.LOG_KEY, id);
        try {
            getNext().invoke(request, response);
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
        }
    }
}
