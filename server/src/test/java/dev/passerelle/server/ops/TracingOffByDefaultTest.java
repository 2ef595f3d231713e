package dev.passerelle.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Tracing is an operator's choice: a collector's address alone does not switch it on, so with the
 * defaults no span exporter exists and nothing is sent anywhere.
 */
@IntegrationTest
@TestPropertySource(properties = "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces")
class TracingOffByDefaultTest {

    @Autowired
    ObjectProvider<SpanExporter> exporters;

    @Test
    void whenOnlyTheCollectorIsConfiguredThenNoSpanIsExported() {
        assertThat(exporters.stream()).isEmpty();
    }
}
