package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class RouteIndexTest {

    private static final RequestMappingInfo.BuilderConfiguration PARSED = new RequestMappingInfo.BuilderConfiguration();

    static {
        PARSED.setPatternParser(new PathPatternParser());
    }

    @Test
    void aPathsCandidatesAreTheMappingsWhosePatternsCanMatchItsSegments() {
        RequestMappingInfo transactions = mapping("/users/{user}/transactions", "/users/{user}/accounts/{account}/transactions");
        RequestMappingInfo accounts = mapping("/users/{user}/accounts");
        RequestMappingInfo connectors = mapping("/connectors");
        RequestMappingInfo oneTransaction = mapping("/users/{user}/transactions/{id}");
        RouteIndex index = RouteIndex.of(List.of(transactions, accounts, connectors, oneTransaction));

        RouteIndex.Candidates page = index.candidates("/users/me/transactions");
        RouteIndex.Candidates accountPage = index.candidates("/users/me/accounts/7/transactions");

        assertThat(page).isNotNull();
        assertThat(page.includes(transactions)).isTrue();
        assertThat(page.includes(accounts)).isFalse();
        assertThat(page.includes(connectors)).isFalse();
        assertThat(page.includes(oneTransaction)).isFalse();
        assertThat(accountPage).isNotNull();
        assertThat(accountPage.includes(transactions)).isTrue();
        assertThat(accountPage.includes(accounts)).isFalse();
    }

    @Test
    void aMappingTheIndexCannotReadSegmentBySegmentIsACandidateForEveryPath() {
        RequestMappingInfo constrained = mapping("/users/{id:\\d+}");
        RequestMappingInfo catchAll = mapping("/webview/{*rest}");
        RequestMappingInfo wildcard = mapping("/assets/*.js");
        RequestMappingInfo registeredLater = mapping("/connectors");
        RouteIndex index = RouteIndex.of(List.of(constrained, catchAll, wildcard, mapping("/banks")));

        RouteIndex.Candidates candidates = index.candidates("/somewhere/else");

        assertThat(candidates).isNotNull();
        assertThat(List.of(constrained, catchAll, wildcard, registeredLater)).allMatch(candidates::includes);
    }

    @Test
    void aPathSpringDecodesOrStripsBeforeComparingLiteralsHasEveryMappingAsCandidate() {
        RouteIndex index = RouteIndex.of(List.of(mapping("/users/{user}/accounts")));

        assertThat(index.candidates("/us%65rs/me/accounts")).isNull();
        assertThat(index.candidates("/users;v=1/me/accounts")).isNull();
        assertThat(index.candidates("users/me/accounts")).isNull();
    }

    /**
     * The index's one promise, over random patterns and paths made of the same pieces: whatever
     * Spring's own matching accepts, the index keeps as a candidate.
     */
    @Test
    void theIndexNeverLeavesOutAMappingWhosePatternMatchesThePath() {
        String[] patternSegments = {"users", "me", "{v}", "{v}", "transactions", "", "{v:\\d+}", "*", "**", "a*"};
        String[] pathSegments = {"users", "me", "transactions", "", "42", "{user}", "a", "ab", "*"};
        Random random = new Random(20261206);
        int matched = 0;
        for (int round = 0; round < 400; round++) {
            List<RequestMappingInfo> mappings = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                mappings.add(mapping(randomPath(random, patternSegments, true)));
            }
            RouteIndex index = RouteIndex.of(mappings);
            for (int p = 0; p < 40; p++) {
                String path = randomPath(random, pathSegments, false);
                RouteIndex.Candidates candidates = index.candidates(path);
                for (RequestMappingInfo mapping : mappings) {
                    if (matches(mapping, path)) {
                        matched++;
                        assertThat(candidates == null || candidates.includes(mapping))
                                .as("%s left out for %s", mapping, path).isTrue();
                    }
                }
            }
        }
        assertThat(matched).as("paths that matched a pattern").isGreaterThan(500);
    }

    private static String randomPath(Random random, String[] segments, boolean pattern) {
        StringBuilder path = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String segment = segments[random.nextInt(segments.length)];
            if (pattern && segment.equals("**") && i < count - 1) {
                segment = "users";
            }
            // a pattern names each of its variables once
            segment = segment.replace("{v", "{v" + i);
            path.append('/').append(segment);
        }
        return path.toString();
    }

    private static boolean matches(RequestMappingInfo mapping, String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        return mapping.getPathPatternsCondition().getPatterns().stream().anyMatch(pattern -> pattern.matches(parsed));
    }

    private static RequestMappingInfo mapping(String... patterns) {
        return RequestMappingInfo.paths(patterns).options(PARSED).build();
    }
}
