package dev.passerelle.client;

import static dev.passerelle.client.support.PasserelleServer.DEMO_CLIENT;
import static dev.passerelle.client.support.PasserelleServer.REDIRECT_URI;
import static dev.passerelle.client.support.PasserelleServer.TEST_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.flow.ConnectionFlow;
import dev.passerelle.client.flow.WebauthFailedException;
import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.ConnectionState;
import dev.passerelle.client.model.ConnectorField;
import dev.passerelle.client.support.Integrators;
import dev.passerelle.client.support.SandboxBrowser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ConnectionFlow} over every scenario of the test connector (docs/connectors.md), against the
 * real server: what it asks the user, what it waits for, where it stops.
 */
class ConnectionFlowTest {

    private final Integrators integrators = new Integrators();
    private final SandboxBrowser browser = new SandboxBrowser();
    private Passerelle user;
    /** What the flow asked the user: each prompt's message and the names of the fields asked. */
    private final List<String> asked = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void newUser() {
        user = integrators.newUser();
    }

    /** A flow whose user answers the test connector's challenges ("Dites abcd" → abcd). */
    private ConnectionFlow flow() {
        return ConnectionFlow.with(user.me().connections())
                .onFields(this::answer)
                .onDecoupled((connection, elapsed) -> waits.add(elapsed))
                .pollInterval(Duration.ofMillis(200));
    }

    private Map<String, String> answer(Connection connection, List<ConnectorField> fields, String message) {
        asked.add(message + " " + fields.stream().map(ConnectorField::name).toList());
        if (fields.stream().anyMatch(f -> f.name().equals("password"))) {
            return Map.of("password", "1234");
        }
        String label = fields.getFirst().label();
        return Map.of(fields.getFirst().name(), label.substring(label.lastIndexOf(' ') + 1));
    }

    private static Map<String, String> credentials(String scenario) {
        return Map.of("login", "jdupont", "password", "1234", "directaccesswebsite", scenario);
    }

    @ParameterizedTest
    @ValueSource(strings = {"par", "pro", "SCARequired", "SCARequiredAndOTP", "SCARequiredAndDecoupled"})
    void scenarioThatSucceedsAtOnceAsksNothing(String scenario) throws Exception {
        Connection connection = flow().add(TEST_CONNECTOR, null, credentials(scenario));

        assertThat(connection.state()).isNull();
        assertThat(asked).isEmpty();
        assertThat(user.me().accounts().list(connection.id(), true).accounts()).isNotEmpty();
    }

    @Test
    void oneTimeCodeIsAskedAndAnswered() throws Exception {
        Connection connection = flow().add(TEST_CONNECTOR, null, credentials("additionalInformationNeeded"));

        assertThat(connection.state()).isNull();
        assertThat(asked).containsExactly("openapisms: Dites abcd [openapisms]");
    }

    @Test
    void doubleOtpAsksTwice() throws Exception {
        Connection connection = flow().add(TEST_CONNECTOR, null, credentials("doubleotp"));

        assertThat(connection.state()).isNull();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1)).contains("efgh");
    }

    @Test
    void wrongCodeIsAskedAgainWithTheInstitutionsMessage() throws Exception {
        List<String> codes = new ArrayList<>(List.of("zzzz", "abcd"));
        Connection connection = ConnectionFlow.with(user.me().connections())
                .onFields((c, fields, message) -> {
                    asked.add(message);
                    return Map.of("openapisms", codes.removeFirst());
                })
                .add(TEST_CONNECTOR, null, credentials("additionalInformationNeeded"));

        assertThat(connection.state()).isNull();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1)).isNotEqualTo(asked.get(0));
    }

    @Test
    void userWhoGivesUpLeavesTheConnectionWaitingForTheCode() throws Exception {
        Connection connection = ConnectionFlow.with(user.me().connections())
                .onFields((c, fields, message) -> Map.of())
                .add(TEST_CONNECTOR, null, credentials("additionalInformationNeeded"));

        assertThat(connection.state()).isEqualTo(ConnectionState.ADDITIONAL_INFORMATION_NEEDED);
        assertThat(connection.requestedFields()).extracting(ConnectorField::name).containsExactly("openapisms");
    }

    @Test
    void withoutAPromptTheFlowStopsAtTheFirstQuestion() throws Exception {
        Connection connection = ConnectionFlow.with(user.me().connections())
                .add(TEST_CONNECTOR, null, credentials("doubleotp"));

        assertThat(connection.state()).isEqualTo(ConnectionState.ADDITIONAL_INFORMATION_NEEDED);
    }

    @Test
    void decoupledValidationIsWaitedForWithProgress() throws Exception {
        Connection connection = flow().add(TEST_CONNECTOR, null, credentials("shortDecoupled"));

        assertThat(connection.state()).isNull();
        assertThat(waits).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo(Duration.ZERO);
        assertThat(waits.getLast()).isPositive();
    }

    @Test
    void longDecoupledValidationEndsWhenTheUsersTimeComes() throws Exception {
        // 60 s at the bank: the user's own sandbox clock is moved past it while the flow waits.
        Connection connection = flow()
                .onDecoupled((c, elapsed) -> {
                    waits.add(elapsed);
                    user.me().testClock().advance(Duration.ofSeconds(61));
                })
                .add(TEST_CONNECTOR, null, credentials("longDecoupled"));

        assertThat(connection.state()).isNull();
        assertThat(waits).isNotEmpty();
    }

    @Test
    void decoupledValidationThatNeverComesEndsAtTheTimeout() throws Exception {
        Connection connection = flow().decoupledTimeout(Duration.ofSeconds(1))
                .add(TEST_CONNECTOR, null, credentials("longDecoupled"));

        assertThat(connection.state()).isEqualTo(ConnectionState.DECOUPLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AppValidationCancelled", "AppValidationExpired"})
    void cancelledOrExpiredValidationStopsAtScaRequiredWithTheInstitutionsMessage(String scenario) throws Exception {
        Connection connection = flow().add(TEST_CONNECTOR, null, credentials(scenario));

        assertThat(connection.state()).isEqualTo(ConnectionState.SCA_REQUIRED);
        assertThat(connection.errorMessage()).isNotBlank();
        assertThat(waits).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrongpass", "passwordExpired", "actionNeeded", "websiteUnavailable", "rateLimiting", "bug",
            "notSupported"})
    void refusedCreationThrowsWithTheStateAsCodeAndKeepsNothing(String scenario) {
        assertThatThrownBy(() -> flow().add(TEST_CONNECTOR, null, credentials(scenario)))
                .isInstanceOfSatisfying(ConnectionFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(scenario);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThat(user.me().connections().list()).isEmpty();
    }

    @Test
    void wrongPasswordOnAnExistingConnectionIsAskedAgain() throws Exception {
        Connection connection = flow().add(TEST_CONNECTOR, null, credentials("par"));
        assertThatThrownBy(() -> user.me().connections().answer(connection.id(), Map.of("password", "0000")))
                .isInstanceOf(ConnectionFailedException.class);

        Connection repaired = flow().resume(connection.id());

        assertThat(repaired.state()).isNull();
        assertThat(asked).singleElement().asString().contains("password");
    }

    @Test
    void connectionThatNeedsStrongAuthenticationIsForcedOnceWithTheUserThere() throws Exception {
        Connection added = flow().add(TEST_CONNECTOR, null, credentials("SCARequiredAndOTP"));
        assertThat(user.me().connections().sync(added.id(), false, false).state()).isEqualTo(ConnectionState.SCA_REQUIRED);

        Connection connection = flow().resume(added.id());

        assertThat(connection.state()).isNull();
        assertThat(asked).singleElement().asString().contains("Dites abcd");
    }

    @Test
    void scaRequiredAndDecoupledIsValidatedInTheApp() throws Exception {
        Connection added = flow().add(TEST_CONNECTOR, null, credentials("SCARequiredAndDecoupled"));
        user.me().connections().sync(added.id(), false, false);

        Connection connection = flow().sync(added.id());

        assertThat(connection.state()).isNull();
        assertThat(waits).isNotEmpty();
    }

    @Test
    void backgroundStepIsPolledUntilItEnds() throws Exception {
        Connection added = flow().add(TEST_CONNECTOR, null, credentials("par"));
        Connection queued = user.me().connections().update(added.id(), ConnectionUpdate.refreshAuthentication().inBackground());
        assertThat(queued.state()).isEqualTo(ConnectionState.VALIDATING);

        Connection connection = flow().resume(added.id());

        assertThat(connection.state()).isNull();
    }

    @Test
    void webauthAddsAConnectionThroughTheSandboxBank() throws Exception {
        Connection connection = flow().onWebauth(DEMO_CLIENT, REDIRECT_URI, url -> Optional.of(browser.accept(url)))
                .addByWebauth(TEST_CONNECTOR, "openapi", Map.of());

        assertThat(connection.state()).isNull();
        assertThat(user.me().accounts().list(connection.id(), true).accounts()).isNotEmpty();
    }

    @Test
    void webauthTheFlowWatchesWhenTheRedirectIsNotCaught() throws Exception {
        Connection connection = flow().onWebauth(DEMO_CLIENT, REDIRECT_URI, url -> {
                    Thread.ofVirtual().start(() -> browser.accept(url));
                    return Optional.empty();
                })
                .addByWebauth(TEST_CONNECTOR, "openapi", Map.of("openapiwebsite", "pro"));

        assertThat(connection.state()).isNull();
    }

    @Test
    void webauthRefusedAtTheBankThrowsAndKeepsNothing() {
        assertThatThrownBy(() -> flow().onWebauth(DEMO_CLIENT, REDIRECT_URI, url -> Optional.of(browser.deny(url)))
                .addByWebauth(TEST_CONNECTOR, "openapi", Map.of()))
                .isInstanceOfSatisfying(WebauthFailedException.class, e -> assertThat(e.error()).isEqualTo("access_denied"));
        assertThat(user.me().connections().list()).isEmpty();
    }

    @Test
    void webauthRequiredIsReconnectedThroughTheBankOnce() throws Exception {
        List<URI> opened = new ArrayList<>();
        ConnectionFlow flow = flow().onWebauth(DEMO_CLIENT, REDIRECT_URI, url -> {
            opened.add(url);
            return Optional.of(browser.accept(url));
        });
        Connection added = flow.addByWebauth(TEST_CONNECTOR, "openapi", Map.of("openapiwebsite", "webauthRequired"));
        Connection stale = user.me().connections().sync(added.id(), false, false);
        assertThat(stale.state()).isEqualTo(ConnectionState.WEBAUTH_REQUIRED);

        Connection connection = flow.resume(added.id());

        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).getQuery()).contains("id_connection=" + added.id());
        // The scenario asks for consent again at every sync, so a reconnection does too: the flow stops there.
        assertThat(connection.id()).isEqualTo(added.id());
    }
}
