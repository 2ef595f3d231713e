package dev.passerelle.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.CapturesLogs;
import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A console request carrying a value of the wrong type is the operator's mistake: an id that names
 * nothing is a 404 page, a bad field a 400 page, never a 500; and the log quotes none of it.
 */
@IntegrationTest
@CapturesLogs
@TestPropertySource(properties = {"passerelle.console.operators[0].login=dave",
        "passerelle.console.operators[0].password=" + ConsolePagesTest.PASSWORD})
class ConsoleErrorsTest {

    private static final String NOT_A_NUMBER = "LEAKME123";
    private static final String TOO_LARGE = "99999999999999999999";
    private static final String STACK_FRAME = "\tat ";

    @Autowired
    TestApi api;

    private ConsoleClient browser;

    @BeforeEach
    void signIn() {
        browser = new ConsoleClient(api.base());
        assertThat(browser.logIn("dave", ConsolePagesTest.PASSWORD).status()).isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/users/%s", "/console/clients/%s", "/console/webhooks/%s",
            "/console/users/1/connections/%s", "/console/webhooks/deliveries/%s"})
    void anIdThatIsNoNumberOrTooLargeIsAPageNotFound(String page, CapturedOutput output) {
        for (String id : new String[] {NOT_A_NUMBER, TOO_LARGE}) {
            ConsoleClient.Page shown = browser.get(page.formatted(id));

            assertThat(shown.status()).as(page).isEqualTo(404);
            assertThat(shown.body()).as(page).contains("the id in it names nothing").contains("role=\"alert\"");
        }
        assertThat(output.getAll()).doesNotContain(NOT_A_NUMBER).doesNotContain(TOO_LARGE).doesNotContain(STACK_FRAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/clients/%s/delete", "/console/clients/%s/secret", "/console/operators/%s/delete",
            "/console/users/%s/delete", "/console/webhooks/%s/delete"})
    void anActionOnAnIdThatIsNoNumberIsAPageNotFound(String action, CapturedOutput output) {
        browser.get("/console");

        ConsoleClient.Page shown = browser.post(action.formatted(NOT_A_NUMBER), Map.of());

        assertThat(shown.status()).as(action).isEqualTo(404);
        assertThat(shown.body()).as(action).contains("the id in it names nothing");
        assertThat(output.getAll()).doesNotContain(NOT_A_NUMBER).doesNotContain(STACK_FRAME);
    }

    @Test
    void aPageNumberThatIsNoNumberIsABadRequestNamingTheField(CapturedOutput output) {
        ConsoleClient.Page shown = browser.get("/console/users?page=" + NOT_A_NUMBER + "&lang=fr");

        assertThat(shown.status()).isEqualTo(400);
        assertThat(shown.body()).contains("Un champ de la demande est absent ou invalide").contains(">page<")
                .doesNotContain(NOT_A_NUMBER);
        assertThat(output.getAll()).doesNotContain(NOT_A_NUMBER).doesNotContain(STACK_FRAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client=" + NOT_A_NUMBER, "client=" + TOO_LARGE, "provider=" + NOT_A_NUMBER})
    void aWebhookFormWithANumberFieldThatIsNoNumberIsABadRequestAndLogsNoneOfTheForm(String field, CapturedOutput output) {
        String[] nameAndValue = field.split("=");
        browser.get("/console/webhooks");

        ConsoleClient.Page shown = browser.post("/console/webhooks", Map.of(nameAndValue[0], nameAndValue[1],
                "url", "https://example.com/z", "events", "USER_CREATED", "auth", "hmac", "secret", "SECRET-PW-hunter2"));

        assertThat(shown.status()).isEqualTo(400);
        assertThat(shown.body()).contains("A field of the request is missing or not valid").contains(">" + nameAndValue[0] + "<");
        assertThat(output.getAll()).doesNotContain(nameAndValue[1]).doesNotContain("SECRET-PW-hunter2")
                .doesNotContain(STACK_FRAME);
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsFramesButNeitherItsMessagesNorThePath(CapturedOutput output) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/2.0/console/users/" + NOT_A_NUMBER);
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/console/users/{id}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        Exception failure = new IllegalStateException("wrapped " + NOT_A_NUMBER, new NumberFormatException(NOT_A_NUMBER));

        new ConsoleErrors().unexpected(failure, request, response, new ExtendedModelMap());

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(output.getAll()).contains("Unexpected failure on GET /console/users/{id}")
                .contains("IllegalStateException").contains("NumberFormatException").contains(STACK_FRAME)
                .doesNotContain(NOT_A_NUMBER);
    }
}
