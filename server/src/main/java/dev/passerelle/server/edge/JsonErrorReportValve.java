package dev.passerelle.server.edge;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.api.ErrorEnvelope;
import dev.passerelle.server.api.RefusalPages;
import dev.passerelle.server.api.RequestIds;
import dev.passerelle.server.api.RoutedPath;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container's error page, for what it answers without the application: paths outside the
 * API's context path, methods it refuses ({@code CONNECT}), requests it cannot parse. It renders
 * the protocol's envelope in place of Tomcat's HTML page, never a stack trace; but a path under a
 * feature's browser pages ({@link RefusalPages}: a webview link carrying {@code %2F} or {@code %00},
 * which Tomcat refuses before mapping it to the application) gets that feature's error page, as a
 * browser following the link expects. Public: the host looks its error report valve up by class name
 * ({@link TomcatEdge}).
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Looked up per refusal: the pages' features are made after the container. */
    private final ObjectProvider<RefusalPages> pages;
    private final Context application;

    JsonErrorReportValve(ObjectProvider<RefusalPages> pages, Context application) {
        this.pages = pages;
        this.application = application;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiException refusal = ApiError.containerRefusal(response.getStatus(), request.getMethod());
        String id = RequestIds.assign(request, response);
        try {
            Optional<ResponseEntity<String>> page = page(request, response, refusal);
            response.setStatus(refusal.error().status().value());
            page.ifPresentOrElse(
                    // set, not added: the request-entry valve's nosniff is among the page's headers too
                    answer -> answer.getHeaders().forEach((name, values) -> response.setHeader(name, String.join(", ", values))),
                    () -> response.setContentType("application/json"));
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page.isPresent() ? page.get().getBody() : JSON.writeValueAsString(
                        new ErrorEnvelope(refusal.error().code(), refusal.description(), null, id)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing left to tell it.
        }
    }

    /**
     * A feature's page for a request the container did not map to the application (it refused its
     * path); such a request is shown to the page as the application would see it (its context path).
     */
    private Optional<ResponseEntity<String>> page(Request request, Response response, ApiException refusal) {
        String uri = request.getRequestURI(); // null when the request line could not be read
        if (request.getContext() != null || uri == null || !uri.startsWith(application.getPath() + "/")) {
            return Optional.empty();
        }
        String path = RoutedPath.of(uri.substring(application.getPath().length()));
        ApplicationRequest seen = new ApplicationRequest(request, application);
        try {
            return RefusalPages.first(pages, feature -> feature.containerRefused(seen, response, path, refusal.error().status()));
        } catch (IllegalStateException unreadable) {
            return Optional.empty(); // its parameters cannot be read either (a page's ?lang=%E): the envelope says what is wrong
        }
    }
}
