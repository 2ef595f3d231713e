package dev.passerelle.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;

/**
 * Every request's id: a fresh UUID, sent back as {@code X-Request-ID} (observed on the reference
 * API, docs/protocol.md §11.1), put in the log context as {@code request_id} for as long as the request is served,
 * and quoted in error envelopes. A client-supplied id is not trusted: it would let anyone forge log
 * lines. The container assigns it on entry ({@code edge.RequestEntryValve}), before any filter, so
 * that the errors it answers itself carry it too.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    /** The key of the log context (MDC) that log lines print. */
    public static final String LOG_KEY = "request_id";
    private static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** The request's id, given now if it has none yet. */
    public static String assign(HttpServletRequest request, HttpServletResponse response) {
        String id = of(request);
        if (id == null) {
            id = UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        return id;
    }

    /** The id of the request being served, or null outside a request. */
    public static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }
}
