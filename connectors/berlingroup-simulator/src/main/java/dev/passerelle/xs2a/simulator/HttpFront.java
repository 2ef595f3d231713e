package dev.passerelle.xs2a.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Adapts the JDK's HTTP server to the dispatcher: reads the exchange (and the TLS client chain), writes the response. */
final class HttpFront implements HttpHandler {

    /** Request bodies beyond this size are refused (413): consents and authorisations are small. */
    private static final int MAX_BODY = 1 << 20;

    private final String basePath;
    private final Dispatcher dispatcher;

    HttpFront(String basePath, Dispatcher dispatcher) {
        this.basePath = basePath;
        this.dispatcher = dispatcher;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = read(exchange.getRequestBody());
            Response response;
            if (body == null) {
                response = Response.html(413, "Request body too large");
            } else if (!path.startsWith(basePath + "/")) {
                response = Response.html(404, "Not found");
            } else {
                Call call = new Call(exchange.getRequestMethod(), path.substring(basePath.length()),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                        clientChain(exchange));
                response = dispatcher.dispatch(call);
            }
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                exchange.getResponseHeaders().set(header.getKey(), header.getValue());
            }
            byte[] content = response.body();
            exchange.sendResponseHeaders(response.status(), content.length == 0 ? -1 : content.length);
            if (content.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static List<X509Certificate> clientChain(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : https.getSSLSession().getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        } catch (SSLPeerUnverifiedException none) {
            return List.of();
        }
    }
}
