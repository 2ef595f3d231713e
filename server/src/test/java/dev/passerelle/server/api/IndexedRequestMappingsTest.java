package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/** The API's own routes looked up through the index: the same handlers and errors as Spring's plain lookup. */
@IntegrationTest
class IndexedRequestMappingsTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^/]+}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    @Test
    void theApplicationLooksItsRoutesUpThroughTheIndex() {
        assertThat(mappings).isInstanceOf(IndexedRequestMappingHandlerMapping.class);
    }

    /** Every route's every pattern, its variables filled in: each mapping that matches the path stays a candidate. */
    @Test
    void noRouteOfTheApiIsLeftOutForAPathItsPatternsMatch() {
        Set<RequestMappingInfo> routes = mappings.getHandlerMethods().keySet();
        RouteIndex index = RouteIndex.of(routes);
        int narrowed = 0;
        for (RequestMappingInfo route : routes) {
            for (PathPattern pattern : route.getPathPatternsCondition().getPatterns()) {
                String path = VARIABLE.matcher(pattern.getPatternString()).replaceAll("42");
                RouteIndex.Candidates candidates = index.candidates(path);
                PathContainer parsed = PathContainer.parsePath(path);
                for (RequestMappingInfo other : routes) {
                    if (other.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(parsed))) {
                        assertThat(candidates == null || candidates.includes(other)).as("%s left out for %s", other, path).isTrue();
                    }
                }
                if (candidates != null && routes.stream().filter(candidates::includes).count() <= 3) {
                    narrowed++;
                }
            }
        }
        assertThat(narrowed).as("paths whose candidates the index narrowed to three routes or fewer").isGreaterThan(routes.size() / 2);
    }

    @Test
    void aRouteWithVariablesStillAnswersItsPageAndAWrongMethodIsMethodNotAllowed() {
        String token = users.permanent().token();

        TestApi.Response page = api.get("/users/me/transactions?limit=1").bearer(token).send();
        TestApi.Response wrongMethod = api.patch("/users/me/transactions").bearer(token).send();

        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.json().has("transactions")).isTrue();
        assertThat(wrongMethod.status()).as("%s", wrongMethod).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asString()).isEqualTo("methodNotAllowed");
    }
}
