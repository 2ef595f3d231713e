package dev.passerelle.server.ops;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace receiver ({@code POST /v1/traces}, protobuf), on
 * 127.0.0.1: it keeps every span it is sent, and every raw body, to look for what must not be there.
 */
final class OtlpCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    OtlpCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    /** Every body received, as Latin-1 text, so that a secret's bytes show wherever they were put. */
    List<String> rawBodies() {
        return List.copyOf(bodies);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodies.add(new String(body, StandardCharsets.ISO_8859_1));
            try {
                ExportTraceServiceRequest.parseFrom(body).getResourceSpansList().forEach(resource ->
                        resource.getScopeSpansList().forEach(scope -> spans.addAll(scope.getSpansList())));
                exchange.sendResponseHeaders(200, -1);
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
