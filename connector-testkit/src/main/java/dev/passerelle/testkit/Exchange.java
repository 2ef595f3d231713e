package dev.passerelle.testkit;

import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with an institution as a {@link Cassette} keeps it: secrets already masked,
 * bodies as text, a binary request body as {@code base64:…}.
 *
 * @param requestBody    the request body, or {@code null} when there was none
 * @param responseBase64 whether the response body is base64 (binary) rather than text
 */
public record Exchange(String method, String uri, Map<String, List<String>> requestHeaders, String requestBody,
                       int status, Map<String, List<String>> responseHeaders, String responseBody,
                       boolean responseBase64) {

    /** Whether a live request is this exchange's: same method, URI and body once masked alike. */
    boolean answers(String method, String uri, String requestBody) {
        return this.method.equals(method) && this.uri.equals(uri)
                && java.util.Objects.equals(this.requestBody, requestBody);
    }
}
