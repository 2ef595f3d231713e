package dev.passerelle.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import dev.passerelle.server.support.TestApi;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The server's own OpenAPI document, downloaded as a client would, parsed, and as a validator of
 * responses; kept as {@code target/openapi.json} for a reviewer (and CI's artifacts) to read.
 */
record ApiDocument(String json, JsonNode tree, SwaggerParseResult parsed) {

    static final String PATH = "/openapi.json";

    /**
     * What the server answers outside the document, as route patterns or paths: the document and its
     * browsable page (springdoc's), pages for browsers that answer HTML (the webview but its session
     * call, the demo, the operators' console), the simulated bank of sandbox mode (an institution, not the API), the
     * container's error forward, and the actuator's health and metrics endpoints (operations, not the
     * protocol: docs/operations.md). Each of the server's own controllers here is {@code @Hidden}.
     */
    static final Pattern NOT_IN_THE_DOCUMENT =
            Pattern.compile("^/(openapi|swagger-ui/|webview/(?!session$)|demo|sandbox/bank/|console(/|$)|error$|actuator/)");

    static ApiDocument of(TestApi api) {
        TestApi.Response served = api.get(PATH).send();
        assertThat(served.status()).as("%s", served).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        keep(served.text());
        return new ApiDocument(served.text(), served.json(), parse(served.text()));
    }

    /** swagger-parser's reading of a document, with its messages for every breach of the specification it finds. */
    static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIParser().readContents(json, null, options);
    }

    private static void keep(String json) {
        try {
            Path file = Path.of("target", "openapi.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates responses against this document, strictly: objects closed to undeclared properties. */
    OpenApiInteractionValidator validator() {
        return OpenApiInteractionValidator.createForInlineApiSpecification(json).build();
    }
}
