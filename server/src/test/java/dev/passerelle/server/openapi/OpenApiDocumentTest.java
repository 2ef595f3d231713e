package dev.passerelle.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document the server publishes (docs/openapi.md): valid OpenAPI 3.1, every route the
 * server maps in it with its methods (sandbox mode, where the most routes exist), in the wire's
 * snake-case names, every error the envelope; and the browsable page is served from the server itself.
 */
@IntegrationTest
@SandboxMode
class OpenApiDocumentTest {

    @Autowired
    TestApi api;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    ApiDocument document;

    @BeforeEach
    void download() {
        document = ApiDocument.of(api);
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(document.tree().path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.parsed().getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(document.parsed().getOpenAPI().getPaths()).hasSizeGreaterThan(60);
        assertThat(document.tree().path("servers").path(0).path("url").asString()).isEqualTo(api.base());
    }

    /** The check above can fail: the same parser finds a document without its info or with a dangling reference broken. */
    @Test
    void theValidationRejectsABrokenCopyOfTheDocument() {
        ObjectNode withoutInfo = (ObjectNode) document.tree().deepCopy();
        withoutInfo.remove("info");
        ObjectNode danglingReference = (ObjectNode) document.tree().deepCopy();
        ((ObjectNode) danglingReference.path("components").path("schemas")).remove("ErrorEnvelope");

        assertThat(ApiDocument.parse(withoutInfo.toString()).getMessages()).anyMatch(m -> m.contains("info"));
        assertThat(ApiDocument.parse(danglingReference.toString()).getMessages()).anyMatch(m -> m.contains("ErrorEnvelope"));
    }

    @Test
    void everyRouteOfTheServerIsInTheDocumentWithItsMethods() {
        Set<String> routes = new TreeSet<>();
        Set<String> hidden = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                return; // the document itself and its page
            }
            for (String route : routes(info)) {
                (isHidden(handler) ? hidden : routes).add(route);
            }
        });
        Set<String> documented = new TreeSet<>();
        document.tree().path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(documented).as("the document's operations").containsExactlyInAnyOrderElementsOf(routes);
        assertThat(hidden).as("routes left out of the document")
                .allMatch(route -> ApiDocument.NOT_IN_THE_DOCUMENT.matcher(route.split(" ", 2)[1]).find());
    }

    @Test
    void propertiesHaveTheirWireNames() {
        List<String> names = new ArrayList<>();
        document.tree().path("components").path("schemas").properties()
                .forEach(schema -> schema.getValue().path("properties").propertyNames().forEach(p -> names.add(schema.getKey() + "." + p)));
        document.tree().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("requestBody").path("content").properties().forEach(media ->
                        media.getValue().path("schema").path("properties").propertyNames()
                                .forEach(p -> names.add(operation.getKey() + " " + path.getKey() + " body." + p)))));

        assertThat(names).hasSizeGreaterThan(300)
                .allMatch(name -> name.substring(name.lastIndexOf('.') + 1).matches("_?[a-z][a-z0-9_]*"));
        assertThat(names).contains("ErrorEnvelope.request_id", "ConnectionView.id_connector", "AccountTypeList.accounttypes",
                "TransactionPage._links", "DocumentList._links", "ProviderList.providers", "AuthProviderList.authproviders");
    }

    /** The lists docs/protocol.md filters by date take min_date and max_date, as Powens' reference lists them. */
    @Test
    void everyDateFilteredListTakesMinAndMaxDate() {
        List<String> lists = List.of("/users/{user}/transactions", "/users/{user}/documents",
                "/users/{user}/subscriptions/{subscription}/documents", "/users/{user}/connections/{connection}/logs");

        assertThat(lists).allSatisfy(path -> assertThat(document.tree().path("paths").path(path).path("get").path("parameters")
                .valueStream().map(p -> p.path("name").asString())).as(path).contains("min_date", "max_date"));
    }

    @Test
    void everyErrorOfEveryOperationIsTheEnvelopeOrAPage() {
        JsonNode envelope = document.tree().path("components").path("schemas").path("ErrorEnvelope");
        assertThat(envelope.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("code", "description", "message", "request_id");
        assertThat(envelope.path("properties").path("code").path("$ref").asString()).isEqualTo("#/components/schemas/ErrorCode");
        assertThat(document.tree().path("components").path("responses").properties()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(response -> assertThat(response.getValue().path("content").path("application/json").path("schema")
                        .path("$ref").asString()).isEqualTo("#/components/schemas/ErrorEnvelope"));

        document.tree().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            JsonNode responses = operation.getValue().path("responses");
            responses.properties().stream().filter(r -> r.getKey().equals("default") || r.getKey().compareTo("400") >= 0)
                    .forEach(error -> assertThat(isEnvelope(error.getValue()) || isPage(error.getValue()))
                            .as("%s answers %s with the envelope or a page", name, error.getKey()).isTrue());
            assertThat(responses.has("default") || responses.properties().stream().anyMatch(r -> isPage(r.getValue())))
                    .as("%s describes every other error", name).isTrue();
        }));
    }

    @Test
    void everyOperationSaysWhatItDoes() {
        document.tree().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            assertThat(operation.getValue().path("summary").asString()).as("summary of %s %s", operation.getKey(), path.getKey())
                    .isNotBlank();
            assertThat(operation.getValue().path("tags").size()).as("tags of %s %s", operation.getKey(), path.getKey())
                    .isEqualTo(1);
        }));
    }

    @Test
    void everyParameterSaysWhatItMeansWithAnExample() {
        List<String> bare = new ArrayList<>();
        document.tree().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("parameters").forEach(parameter -> {
                    boolean explained = !parameter.path("description").asString("").isBlank()
                            && (parameter.has("example") || parameter.has("examples"));
                    if (!explained) {
                        bare.add(operation.getKey() + " " + path.getKey() + " " + parameter.path("name").asString());
                    }
                })));

        assertThat(bare).as("parameters without a description or an example").isEmpty();
        assertThat(document.tree().at("/paths/~1users~1{user}~1connections/get/parameters/0/example").asString()).isEqualTo("me");
    }

    @Test
    void theBrowsablePageIsServedFromTheServerItself() {
        TestApi.Response entry = api.get("/openapi").send();
        assertThat(entry.status()).isEqualTo(302);
        String page = entry.header("Location");
        assertThat(page).isEqualTo("/2.0/swagger-ui/index.html");

        TestApi.Response html = api.link(page).send();
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.text()).contains("swagger-ui-bundle.js").doesNotContain("src=\"http", "href=\"http");
        assertThat(api.link("/2.0/swagger-ui/swagger-ui-bundle.js").send().status()).isEqualTo(200);
        JsonNode config = api.get("/openapi.json/swagger-config").send().json();
        assertThat(config.path("url").asString()).isEqualTo("/2.0/openapi.json");
    }

    @Test
    void thePageIsNeitherFramedNorFedScriptsFromElsewhere() {
        for (TestApi.Response answer : List.of(api.get("/openapi").send(), api.link("/2.0/swagger-ui/index.html").send(),
                api.link("/2.0/swagger-ui/swagger-initializer.js").send())) {
            assertThat(answer.header("Content-Security-Policy")).as("%s", answer)
                    .contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        assertThat(api.get("/openapi.json").send().header("Content-Security-Policy")).isNull();
    }

    @Test
    void theDocumentAndItsPageAnswerBadRequestsWithTheEnvelope() {
        assertEnvelope(api.post(ApiDocument.PATH).json(Map.of("openapi", "3.0.0")).send(), 405);
        assertEnvelope(api.delete("/openapi").send(), 405);
        assertEnvelope(api.get("/swagger-ui/no-such-file.js").send(), 404);
        assertEnvelope(api.get("/swagger-ui/..%2f..%2fapplication.yml").send(), 400, 404);
        assertEnvelope(api.post("/swagger-ui/index.html").send(), 405);
    }

    private static void assertEnvelope(TestApi.Response response, Integer... statuses) {
        assertThat(response.status()).as("%s", response).isIn((Object[]) statuses);
        assertThat(response.json().path("request_id").asString()).as("%s", response).isNotBlank();
        assertThat(response.json().path("code").asString()).as("%s", response).isNotBlank();
    }

    private static boolean isEnvelope(JsonNode response) {
        String reference = response.path("$ref").asString("");
        return reference.startsWith("#/components/responses/") && !reference.isEmpty();
    }

    private static boolean isPage(JsonNode response) {
        return response.path("content").has("text/html");
    }

    private static boolean isHidden(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Hidden.class) || handler.hasMethodAnnotation(Hidden.class);
    }

    /** {@code METHOD /path/{var}} for each pattern and method of a mapping, path variables without their regex. */
    private static List<String> routes(RequestMappingInfo info) {
        List<String> routes = new ArrayList<>();
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        for (String pattern : info.getPatternValues()) {
            String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
            (methods.isEmpty() ? Set.of("ANY") : methods).forEach(method -> routes.add(method + " " + path));
        }
        return routes;
    }
}
