package dev.passerelle.server.edge;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.ErrorEnvelope;
import dev.passerelle.server.api.RequestIds;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container's error page, for what it answers without the application: paths outside the
 * API's context path, methods it refuses ({@code CONNECT}), requests it cannot parse. It renders
 * the protocol's envelope in place of Tomcat's HTML page, never a stack trace. The host creates it
 * by class name ({@link TomcatEdge}), hence public.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiException refusal = ApiError.containerRefusal(response.getStatus(), request.getMethod());
        ErrorEnvelope envelope = new ErrorEnvelope(refusal.error().code(), refusal.description(), null,
                RequestIds.assign(request, response));
        try {
            response.setStatus(refusal.error().status().value());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(envelope));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing left to tell it.
        }
    }
}
