package dev.passerelle.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.passerelle.server.auth.AuthSteps;
import dev.passerelle.server.clients.ClientApplications;
import dev.passerelle.server.clients.TestClient;
import dev.passerelle.server.config.DataDirectory;
import dev.passerelle.runtime.state.ConnectionState;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.RecordedResponses;
import dev.passerelle.server.support.RecordedResponses.Exchange;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs after every other test class of the JVM (junit-platform.properties orders classes by
 * {@link Order}) and validates the responses they received ({@link RecordedResponses}) against the
 * server's own document: a status it does not list, a property it does not name, a type, format or
 * enum it does not allow fails here, so the document cannot drift from what the code answers. Its own
 * {@link ApiTour} first makes sure every route family and every connection state is among them.
 */
@IntegrationTest
@SandboxMode
@Order(Integer.MAX_VALUE)
class RecordedResponsesConformTest {

    /** The route families of the API, each of which must have a successful exchange that conforms. */
    static final Map<String, Pattern> FAMILIES = families(
            "users", "^/users(/(me|\\d+))?$",
            "auth", "^/auth/",
            "connectors", "^/(connectors|banks|providers|account_types)",
            "connections", "^/users/[^/]+/connections(/\\d+(/(sources|logs).*)?)?$",
            "accounts", "/accounts(/\\d+)?$",
            "transactions", "/transactions(/\\d+)?$",
            "documents", "/(documents|subscriptions)(/[\\d,]+)?$",
            "investments", "/investments$",
            "webhooks", "^/webhooks",
            "webauth", "^/webauth");
    private static final Set<String> NOT_IN_THE_DOCUMENT = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestApi api;
    @Autowired
    ClientApplications clients;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void everyRecordedResponseMatchesTheDocument() {
        ApiTour tour = new ApiTour(api, AuthSteps.configToken(dataDirectory));
        RecordedResponses.keepingEvery(() -> tour.walk(TestClient.registerIn(clients), TestClient.registerIn(clients)));
        OpenApiInteractionValidator validator = ApiDocument.of(api).validator();
        List<String> violations = new ArrayList<>();
        List<Exchange> conforming = new ArrayList<>();
        List<Exchange> kept = RecordedResponses.kept();
        for (Exchange exchange : kept) {
            Optional<Request.Method> method = Arrays.stream(Request.Method.values())
                    .filter(m -> m.name().equals(exchange.method().toUpperCase(Locale.ROOT))).findFirst();
            List<ValidationReport.Message> errors = method.map(m -> validator.validateResponse("/2.0" + exchange.path(), m,
                    response(exchange)).getMessages()).orElse(List.of()).stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
            if (method.isEmpty() || errors.stream().anyMatch(m -> NOT_IN_THE_DOCUMENT.contains(m.getKey()))) {
                if (!outsideTheApi(exchange)) {
                    violations.add(exchange.method() + " " + exchange.path() + " → " + exchange.status()
                            + ": answered by a route the document lacks\n    " + abbreviated(exchange.body()));
                }
                continue;
            }
            errors.forEach(m -> violations.add(exchange.method() + " " + exchange.path() + " → " + exchange.status()
                    + ": " + m.getKey() + " " + m.getMessage() + "\n    " + abbreviated(exchange.body())));
            if (errors.isEmpty()) {
                conforming.add(exchange);
            }
        }
        System.out.println("Recorded responses: " + RecordedResponses.seen() + " seen, " + kept.size() + " checked, "
                + violations.size() + " violations");

        assertThat(violations).as(String.join("\n", violations)).isEmpty();
        FAMILIES.forEach((family, paths) -> assertThat(conforming)
                .as("a successful exchange of the %s routes", family)
                .anyMatch(e -> e.status() < 300 && paths.matcher(e.path()).find()));
        assertThat(statesAnswered(conforming)).as("connection states in conforming responses")
                .containsAll(Arrays.stream(ConnectionState.values()).map(ConnectionState::wire).toList());
    }

    /**
     * A response from outside the documented API: one of the pages and the simulated bank that the
     * document leaves out ({@link ApiDocument#NOT_IN_THE_DOCUMENT}), or the error envelope refusing a
     * request the API does not define (an unknown route or method, or a request the HTTP edge
     * refuses before routing). That every route the server maps is in the document is
     * {@code OpenApiDocumentTest}'s to check.
     */
    private static boolean outsideTheApi(Exchange exchange) {
        if (ApiDocument.NOT_IN_THE_DOCUMENT.matcher(exchange.path()).find()) {
            return true;
        }
        JsonNode body = json(exchange.body());
        return exchange.status() >= 400 && exchange.status() < 500 && body != null
                && body.has("code") && body.has("request_id");
    }

    /** The connection states the exchanges show: a connection's or source's {@code state}, or an error's {@code code}. */
    private static Set<String> statesAnswered(List<Exchange> exchanges) {
        Set<String> states = new TreeSet<>();
        for (Exchange exchange : exchanges) {
            JsonNode body = json(exchange.body());
            if (body == null) {
                continue;
            }
            body.findValues("state").forEach(state -> states.add(state.asString("")));
            if (exchange.status() >= 400) {
                states.add(body.path("code").asString(""));
            }
        }
        return states;
    }

    private static JsonNode json(String body) {
        try {
            return body.startsWith("{") ? JSON.readTree(body) : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static Map<String, Pattern> families(String... namesAndPatterns) {
        Map<String, Pattern> families = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPatterns.length; i += 2) {
            families.put(namesAndPatterns[i], Pattern.compile(namesAndPatterns[i + 1]));
        }
        return families;
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder built = SimpleResponse.Builder.status(exchange.status()).withBody(exchange.body());
        if (exchange.contentType() != null) {
            built.withContentType(exchange.contentType());
        }
        return built.build();
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
