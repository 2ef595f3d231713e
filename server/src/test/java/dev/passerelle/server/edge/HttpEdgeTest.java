package dev.passerelle.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestConnector;
import dev.passerelle.server.support.TestUsers;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

/**
 * What the container answers before or around Spring MVC: every refusal is a 4xx in the protocol's
 * envelope with the request's id, never a 500 and never Tomcat's HTML page; under the browser's pages
 * (the webview, the console), that feature's own error page.
 */
@IntegrationTest
class HttpEdgeTest {

    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final Map<String, String> TRUNCATED_BODIES = Map.of(
            "application/json", "{\"client_id\":",
            "application/x-www-form-urlencoded", "client_id=1&client_secret=",
            "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\n1");

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    @ParameterizedTest(name = "GET /connectors?{0}")
    @ValueSource(strings = {"=x", "password=mot%E9passe", "name=%C3%28", "a=%00", "a=1&=2&b=3"})
    void unreadableQueryParametersAreAnInvalidValue(String query) {
        TestApi.Response response = api.get("/connectors?" + query).send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
        assertThat(response.json().get("request_id").asString()).isEqualTo(response.header("X-Request-ID"));
    }

    @ParameterizedTest(name = "GET /connectors?{0}")
    @ValueSource(strings = {"a=%ZZ", "a=%", "%=1", "a=%E9%", "a=b%2"})
    void brokenPercentEncodingIsAnInvalidValue(String query) {
        TestApi.RawResponse response = api.raw("GET /2.0/connectors?" + query + " HTTP/1.1\r\nHost: localhost",
                new byte[0], GENEROUS);

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @ParameterizedTest(name = "GET /users/me/connections?{0}")
    @ValueSource(strings = {"expand=connector[fields]", "expand=connector%5Bfields%5D"})
    void expandBracketsAreReadWhetherBrowsersLeaveThemUnencodedOrNot(String query) {
        TestApi.RawResponse response = api.raw("GET /2.0/users/me/connections?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + users.permanent().token(), new byte[0], GENEROUS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("connections").isArray()).isTrue();
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/users/me/transactions?limit=%EF%BC%91", "/users/me/transactions?offset=%2B1"})
    void integerParametersAreAsciiDigitsOnly(String path) {
        TestApi.Response response = api.get(path).bearer(users.permanent().token()).send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+%1$d", "0x%1$x", "%%23%1$x", "%2$s", "%1$d%%201"})
    void anIdInThePathIsAsciiDigitsOnly(String spelling) {
        TestUsers.TestUser user = users.permanent();
        long id = api.post("/users/me/connections").bearer(user.token()).json(TestConnector.fields("par").map()).send()
                .json().get("id").asLong();
        String path = "/users/me/connections/" + spelling.formatted(id, fullWidth(id));

        TestApi.Response response = api.get(path).bearer(user.token()).send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
        assertThat(response.json().get("description").asString()).isEqualTo("Invalid value for 'connection'");
        assertThat(api.get("/users/me/connections/" + id).bearer(user.token()).send().status()).isEqualTo(200);
    }

    @Test
    void anIntegerQueryParameterBoundBySpringIsAsciiDigitsOnly() {
        TestUsers.TestUser user = users.permanent();
        long id = api.post("/users/me/connections").bearer(user.token()).json(TestConnector.fields("par").map()).send()
                .json().get("id").asLong();

        TestApi.Response response = api.get("/users/me/connections/" + id + "/logs?limit=0x10").bearer(user.token()).send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
        assertThat(api.get("/users/me/connections/" + id + "/logs?limit=16").bearer(user.token()).send().status())
                .isEqualTo(200);
    }

    @Test
    void aUserIdInAnotherScriptsDigitsNamesNoUser() {
        TestApi.Response response = api.get("/users/%EF%BC%91/accounts").bearer(users.permanent().token()).send();

        assertEnvelope(response.status(), response.json(), 404, "notFound");
    }

    /** RFC 5789 §3.1: Accept-Patch names media types, and says PATCH is allowed wherever it appears. */
    @Test
    void optionsListsTheRoutesMethodsAndNamesAcceptPatchOnlyWherePatchIsServed() {
        TestApi.RawResponse transactions = api.raw("OPTIONS /2.0/users/me/transactions HTTP/1.1\r\nHost: localhost");
        TestApi.RawResponse connectors = api.raw("OPTIONS /2.0/connectors HTTP/1.1\r\nHost: localhost");

        assertThat(transactions.status()).isEqualTo(200);
        assertThat(transactions.header("Allow")).isEqualTo("GET,HEAD,OPTIONS");
        assertThat(transactions.header("Accept-Patch")).isNull();
        assertThat(connectors.header("Allow")).contains("PATCH");
    }

    @Test
    void aTrailingSlashIsNamedInTheNotFoundError() {
        TestApi.Response response = api.get("/users/me/").bearer(users.permanent().token()).send();

        assertEnvelope(response.status(), response.json(), 404, "notFound");
        assertThat(response.json().get("description").asString())
                .isEqualTo("No route GET /users/me/ (routes end without a slash)");
    }

    @Test
    void moreThanAThousandParametersAreAnInvalidValue() {
        String query = IntStream.range(0, 1001).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

        TestApi.Response response = api.get("/connectors?" + query).send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @Test
    void aFormBodyInvalidInItsCharsetIsAnInvalidValue() {
        TestApi.Response response = api.post("/auth/init")
                .raw("application/x-www-form-urlencoded; charset=UTF-8", "client_id=1&client_secret=mot%E9passe").send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUT", "PATCH", "DELETE", "POST"})
    void aFormBodyWithBrokenEscapesIsAnInvalidValueWhateverTheMethod(String method) {
        TestApi.Response response = api.method(method, "/users/me/accounts/1").bearer(users.permanent().token())
                .raw("application/x-www-form-urlencoded", "name=50%&display=%zz").send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @Test
    void aNulInAJsonValueIsAnInvalidValue() {
        TestApi.Response response = api.post("/auth/init").raw("application/json", "{\"client_id\": \"1\\u0000\"}").send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @Test
    void errorAskedForDirectlyIsNotFound() {
        TestApi.Response response = api.get("/error").send();

        assertEnvelope(response.status(), response.json(), 404, "notFound");
    }

    @Test
    void aPathOutsideTheApiIsNotFoundInTheEnvelope() {
        TestApi.Response response = api.link("/favicon-of-nothing.png").send();

        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertEnvelope(response.status(), response.json(), 404, "notFound");
        assertThat(response.json().get("request_id").asString()).isEqualTo(response.header("X-Request-ID"));
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"//2.0/connectors", "///2.0/users/me/transactions", "//2.0/webview/", "//2.0/console",
            "//2.0/actuator/prometheus", "//2.0/openapi"})
    void slashesMergedInFrontOfTheApiRootAreNotFound(String path) {
        TestApi.RawResponse response = api.raw("GET " + path + " HTTP/1.1\r\nHost: localhost", new byte[0], GENEROUS);

        assertEnvelope(response.status(), response.json(), 404, "notFound");
        assertThat(response.json().get("description").asString()).isEqualTo("No route GET " + path);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/%32.0/connectors", "/2.0;x/connectors", "/./2.0/connectors"})
    void theApiRootSpeltOtherwiseInOneSegmentIsStillTheApi(String path) {
        TestApi.RawResponse response = api.raw("GET " + path + " HTTP/1.1\r\nHost: localhost", new byte[0], GENEROUS);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("connectors").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "GET /2.0/connectors HTTP/1.2| |400|Send HTTP/1.1",
            "GET /2.0/connectors HTTP/3.0| |400|Send HTTP/1.1",
            "GET /2.0/connectors HTTP/0.9| |400|Send HTTP/1.1",
            "POST /2.0/auth/init HTTP/1.1|Transfer-Encoding: gzip|400|transfer coding",
            "POST /2.0/auth/init HTTP/1.1|Transfer-Encoding: identity|400|transfer coding",
            "POST /2.0/auth/init HTTP/1.1|Expect: 200-ok|417|100-continue"})
    void whatTheContainerCannotServeIsTheClientsErrorInTheEnvelope(String requestLine, String header, int status,
                                                                    String says) {
        String head = requestLine + "\r\nHost: localhost" + (header == null ? "" : "\r\n" + header);
        TestApi.RawResponse response = api.raw(head + "\r\nContent-Length: 0", new byte[0], GENEROUS);

        assertEnvelope(response.status(), response.json(), status, "invalidValue");
        assertThat(response.json().get("description").asString()).contains(says);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /2.0/users/a%2Fb HTTP/1.1\r\nHost: localhost",
            "GET /2.0/users/me%00 HTTP/1.1\r\nHost: localhost",
            "GET /2.0/connectors HTTP/1.1\r\nHost: a_b.example",
            "GET /2.0/connectors HTTP/1.1\r\nHost: localhost\r\nX-A : a",
            "GET /2.0/connectors HTTP/1.1\r\nHost: localhost\r\nCookie: \u0001=\u0002"})
    void aRequestTheContainerCannotReadSaysSoRatherThanBlamingAParameter(String head) {
        TestApi.RawResponse response = api.raw(head, new byte[0], GENEROUS);

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
        assertThat(response.json().get("description").asString()).startsWith("The request cannot be read");
    }

    /** The refusal is written without reading the request's parameters, which a body would hold. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUT /2.0/connectors/%5C", "POST /2.0/clients/%ZZ?secret", "PUT /2.0/console/%2F"})
    void aWriteWithABodyTheContainerCannotReadSaysSoToo(String requestLine) {
        byte[] body = "--b\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\nx\r\n--b--\r\n"
                .getBytes(StandardCharsets.UTF_8);

        TestApi.RawResponse response = api.raw(requestLine + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length, body, GENEROUS);

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
        assertThat(response.json().get("description").asString()).startsWith("The request cannot be read");
    }

    /**
     * A browser following a link to the webview or the console whose path the container refuses (an
     * encoded slash, a NUL) or, on the console, whose parameters cannot be read, gets that feature's
     * error page, in the link's language when it names one and can be read.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"/2.0/webview/fr/connect%2Fx | fr | Ce lien est abîmé : son adresse",
            "/2.0/webview/connect%2F | en | This link is damaged: its address",
            "/2.0/webview/fr%00/connect | en | This link is damaged: its address",
            "/2.0/console/%2F | en | This address cannot be read",
            "/2.0/console/%2F?lang=fr | fr | Cette adresse ne peut pas être lue",
            "/2.0/console/%2F?lang=%E | en | This address cannot be read",
            "/2.0/console/users?q=%C3%28 | en | This address cannot be read: its parameters",
            "/2.0/console/users/1/export?lang=fr&name=%C3%28 | en | This address cannot be read: its parameters"})
    void aBrowserPagesPathTheContainerRefusesGetsThatFeaturesPageRatherThanTheEnvelope(String path, String lang, String says) {
        TestApi.RawResponse response = api.raw("GET " + path + " HTTP/1.1\r\nHost: localhost", new byte[0], GENEROUS);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.head().lines().filter(line -> line.regionMatches(true, 0, "X-Content-Type-Options:", 0, 23)))
                .as("each header once").hasSize(1);
        assertThat(response.body()).contains("<html lang=\"" + lang + "\"", says);
    }

    /** The page is written without reading the request's parameters, which a form body would hold. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=b", "application/x-www-form-urlencoded"})
    void aConsoleLinkWithABodyInAnUnknownTransferCodingGetsThePageToo(String contentType) {
        TestApi.RawResponse response = api.raw("GET /2.0/console/login?lang=fr HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: " + contentType + "\r\nTransfer-Encoding: gzip\r\nContent-Length: 10",
                "0123456789".getBytes(StandardCharsets.UTF_8), GENEROUS);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("<html lang=\"fr\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CONNECT", "TRACE", "FROB"})
    void methodsTheServerDoesNotServeAreMethodNotAllowed(String method) {
        TestApi.RawResponse response = api.raw(method + " /2.0/connectors HTTP/1.1\r\nHost: localhost", new byte[0], GENEROUS);

        assertEnvelope(response.status(), response.json(), 405, "methodNotAllowed");
        assertThat(response.json().get("request_id").asString()).isEqualTo(response.header("X-Request-ID"));
    }

    @Test
    void aFilePartIsAnInvalidValueRatherThanAMissingOne() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"client_id\"; filename=\"id.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n10000001\r\n--" + boundary + "--\r\n";

        TestApi.Response response = api.post("/auth/init").raw("multipart/form-data; boundary=" + boundary, body).send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
        assertThat(response.json().get("description").asString()).contains("is a file");
    }

    @Test
    void aFilePartWhereTextIsExpectedIsAnInvalidValue() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"; filename=\"t.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nsingleAccess\r\n--" + boundary + "--\r\n";

        TestApi.Response response = api.post("/auth/token/code").bearer(users.permanent().token())
                .raw("multipart/form-data; boundary=" + boundary, body).send();

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @ParameterizedTest(name = "Range: {0}")
    @ValueSource(strings = {"bytes=abc", "bytes=5-2", "bytes=99999999-", "lines=1-2"})
    void anUnsatisfiableRangeOnAStaticFileIsA416InTheEnvelope(String range) throws IOException {
        TestApi.Response response = api.get(staticFile()).header("Range", range).send();

        assertEnvelope(response.status(), response.json(), 416, "invalidValue");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b"})
    void aBodyShorterThanItsContentLengthIsAnInvalidValueOnceTheReadTimesOut(String contentType) {
        byte[] body = TRUNCATED_BODIES.get(contentType).getBytes(StandardCharsets.UTF_8);

        TestApi.RawResponse response = api.raw("POST /2.0/auth/init HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: 100", body, GENEROUS);

        assertEnvelope(response.status(), response.json(), 400, "invalidValue");
    }

    @Test
    void everyAnswerIsNosniffAndTokenAnswersAreNeverStored() {
        TestApi.Response token = api.post("/auth/init").send();
        TestApi.Response refused = api.get("/users/me").send();

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        assertThat(token.header("Pragma")).isEqualTo("no-cache");
        assertThat(token.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.get("/connectors").send().header("Cache-Control")).isNull();
    }

    @Test
    void tokenEndpointRefusalsAreNotStoredEither() {
        TestApi.Response renewed = api.post("/auth/renew").form(Map.of("grant_type", "client_credentials",
                "client_id", "nobody", "client_secret", "nothing")).send();

        assertThat(renewed.status()).isEqualTo(401);
        assertThat(renewed.header("Cache-Control")).isEqualTo("no-store");
    }

    /** A file the webview serves, whatever it is named today. */
    private static String staticFile() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:static/webview/**/*.js");
        assertThat(files).isNotEmpty();
        String url = files[0].getURL().toString();
        return url.substring(url.indexOf("/webview/"));
    }

    /** {@code id} in full-width digits, percent-encoded as UTF-8. */
    private static String fullWidth(long id) {
        String digits = Long.toString(id).chars().mapToObj(c -> Character.toString(c - '0' + '\uFF10'))
                .collect(Collectors.joining());
        return URLEncoder.encode(digits, StandardCharsets.UTF_8);
    }

    private static void assertEnvelope(int status, JsonNode body, int expectedStatus, String code) {
        assertThat(status).as(body.toString()).isEqualTo(expectedStatus);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("description").asString()).isNotBlank();
        assertThat(body.get("request_id").asString()).isNotBlank();
        assertThat(body.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
