package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import dev.passerelle.server.support.TestUsers.TestUser;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Optional OpenTelemetry tracing (docs/operations.md, "Tracing"): switched on, every request is a
 * span exported over OTLP/HTTP, named by its route template, continuing the caller's W3C trace
 * context; and no token, query string value or other secret is in what is exported.
 */
@IntegrationTest
class TracingTest {

    private static final OtlpCollector COLLECTOR = new OtlpCollector();
    private static final String CALLERS_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_SPAN = "00f067aa0ba902b7";

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    @DynamicPropertySource
    static void exportToTheCollector(DynamicPropertyRegistry properties) {
        properties.add("management.tracing.export.enabled", () -> "true");
        properties.add("management.tracing.sampling.probability", () -> "1.0");
        properties.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::tracesEndpoint);
        properties.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    @Test
    void whenACallerSendsItsTraceContextThenTheRequestIsASpanOfThatTraceNamedByItsRouteTemplate() {
        TestUser user = users.permanent();

        TestApi.Response listed = api.get("/users/me/connections").bearer(user.token())
                .header("traceparent", "00-" + CALLERS_TRACE + "-" + CALLERS_SPAN + "-01").send();

        assertThat(listed.status()).isEqualTo(200);
        Span request = await().atMost(Duration.ofSeconds(30)).until(() -> spanOfTrace(CALLERS_TRACE), span -> span != null);
        assertThat(HexFormat.of().formatHex(request.getParentSpanId().toByteArray())).isEqualTo(CALLERS_SPAN);
        assertThat(request.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(request.getName()).contains("/users/{").contains("}/connections").doesNotContain("me");
    }

    @Test
    void whatIsExportedCarriesNoTokenAndNoQueryStringValue() {
        TestUser user = users.permanent();
        String secretValue = "q-secret-" + System.nanoTime();

        api.get("/users/me/accounts?search=" + secretValue).bearer(user.token()).send();
        api.get("/webview/connect?code=" + secretValue).send();

        await().atMost(Duration.ofSeconds(30)).until(() -> COLLECTOR.rawBodies().stream()
                .anyMatch(body -> body.contains("/accounts")));
        assertThat(COLLECTOR.rawBodies()).noneMatch(body -> body.contains(secretValue))
                .noneMatch(body -> body.contains(user.token()));
    }

    private static Span spanOfTrace(String traceId) {
        ByteString wanted = ByteString.fromHex(traceId);
        List<Span> matching = COLLECTOR.spans().stream()
                .filter(span -> span.getTraceId().equals(wanted) && span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                .toList();
        return matching.isEmpty() ? null : matching.getFirst();
    }
}
