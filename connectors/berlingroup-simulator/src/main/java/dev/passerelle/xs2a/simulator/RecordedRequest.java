package dev.passerelle.xs2a.simulator;

import dev.passerelle.xs2a.simulator.http.Endpoint;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received and what it answered, for tests to inspect.
 *
 * @param endpoint       null when the path is not one of the simulator's
 * @param headers        request headers, names in lower case
 * @param specViolations what the OpenAPI file found wrong in the request and in the response (empty
 *                       without the file, or when both conform)
 */
public record RecordedRequest(
        Instant at,
        Endpoint endpoint,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        String body,
        int status,
        Map<String, String> responseHeaders,
        String responseBody,
        List<String> specViolations) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Optional<String> responseHeader(String name) {
        return responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }
}
