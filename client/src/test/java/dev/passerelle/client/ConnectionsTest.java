package dev.passerelle.client;

import static dev.passerelle.client.support.PasserelleServer.DEMO_CLIENT;
import static dev.passerelle.client.support.PasserelleServer.REDIRECT_URI;
import static dev.passerelle.client.support.PasserelleServer.TEST_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.ConnectionLog;
import dev.passerelle.client.model.ConnectionSource;
import dev.passerelle.client.model.ConnectionState;
import dev.passerelle.client.support.Integrators;
import dev.passerelle.client.support.RecordingProxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /users/{u}/connections…} and {@code /webauth-url}. */
class ConnectionsTest {

    private static final Map<String, String> PAR = Map.of("login", "jdupont", "password", "1234",
            "directaccesswebsite", "par");

    private final Integrators integrators = new Integrators();
    private final Passerelle user = integrators.newUser();
    private final ConnectionService connections = user.me().connections();

    @Test
    void credentialsTravelEncryptedForTheServersKeyAndStillWork() {
        String token = integrators.anonymous().auth().init(DEMO_CLIENT, integrators.server().demoClientSecret()).authToken();
        try (RecordingProxy proxy = new RecordingProxy(integrators.server().api())) {
            Passerelle throughProxy = Passerelle.builder(proxy.api()).token(token).build();

            Connection connection = throughProxy.me().connections().create(TEST_CONNECTOR,
                    Map.of("login", "jdupont", "password", "1234", "directaccesswebsite", "additionalInformationNeeded"));
            Connection answered = throughProxy.me().connections().answer(connection.id(), Map.of("openapisms", "abcd"));

            assertThat(answered.state()).isNull();
            assertThat(proxy.bodies()).filteredOn(body -> body.contains("connector_uuid")).singleElement()
                    .satisfies(body -> assertThat(body).doesNotContain("1234").doesNotContain("jdupont")
                            .contains(TEST_CONNECTOR.toString()));
            assertThat(String.join("\n", proxy.bodies())).doesNotContain("abcd");
        }
    }

    @Test
    void withEncryptionOffFieldsTravelInClear() {
        String token = integrators.anonymous().auth().init(DEMO_CLIENT, integrators.server().demoClientSecret()).authToken();
        try (RecordingProxy proxy = new RecordingProxy(integrators.server().api())) {
            Passerelle clear = Passerelle.builder(proxy.api()).token(token).encryptFields(false).build();

            clear.me().connections().create(TEST_CONNECTOR, PAR);

            assertThat(proxy.bodies()).anySatisfy(body -> assertThat(body).contains("\"password\":\"1234\""));
        }
    }

    @Test
    void connectionIsListedReadExpandedAndDeleted() {
        Connection created = connections.create(TEST_CONNECTOR, PAR);

        assertThat(connections.list()).extracting(Connection::id).containsExactly(created.id());
        Connection expanded = connections.get(created.id(), "connector", "sources", "all_accounts");
        assertThat(expanded.connector().uuid()).isEqualTo(TEST_CONNECTOR);
        assertThat(expanded.sources()).extracting(ConnectionSource::name).containsExactly("directaccess");
        assertThat(expanded.allAccounts()).isNotEmpty();
        assertThat(expanded.connectorUuid()).isEqualTo(TEST_CONNECTOR);
        assertThat(expanded.created()).isNotNull();

        connections.delete(created.id());

        assertThatThrownBy(() -> connections.get(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void challengeComesBackAsStateAndFieldsThenIsAnswered() {
        Connection pending = connections.create(TEST_CONNECTOR, Map.of("login", "jdupont", "password", "1234",
                "directaccesswebsite", "additionalInformationNeeded"));

        assertThat(pending.state()).isEqualTo(ConnectionState.ADDITIONAL_INFORMATION_NEEDED);
        assertThat(pending.error()).isEqualTo("additionalInformationNeeded");
        assertThat(pending.requestedFields().getFirst().label()).isEqualTo("Dites abcd");
        assertThat(connections.answer(pending.id(), Map.of("openapisms", "abcd")).ok()).isTrue();
    }

    @Test
    void syncWithoutTheUserTurnsAStrongAuthenticationSourceScaRequired() {
        Connection created = connections.create(TEST_CONNECTOR, Map.of("login", "jdupont", "password", "1234",
                "directaccesswebsite", "SCARequired"));

        assertThat(connections.sync(created.id(), false, false).state()).isEqualTo(ConnectionState.SCA_REQUIRED);
        assertThat(connections.sync(created.id()).state()).isNull();
    }

    @Test
    void sourcesAreListedReadAndDisabled() {
        Connection created = connections.create(TEST_CONNECTOR, PAR);
        ConnectionSource source = connections.sources(created.id(), false).getFirst();

        ConnectionSource disabled = connections.setSourceDisabled(created.id(), source.id(), true);

        assertThat(disabled.disabled()).isNotNull();
        assertThat(connections.sources(created.id(), false)).isEmpty();
        assertThat(connections.sources(created.id(), true)).hasSize(1);
        assertThat(connections.source(created.id(), source.id()).name()).isEqualTo("directaccess");
        assertThat(connections.setSourceDisabled(created.id(), source.id(), false).disabled()).isNull();
    }

    @Test
    void connectionIsSwitchedOffAndItsTimelineRead() {
        Connection created = connections.create(TEST_CONNECTOR, PAR);

        Connection off = connections.update(created.id(), ConnectionUpdate.active(false));
        List<ConnectionLog> logs = connections.logs(created.id(), 10, 0);

        assertThat(off.active()).isFalse();
        assertThat(logs).isNotEmpty();
        assertThat(logs.getFirst().actor()).isEqualTo("user");
        assertThat(logs.getFirst().cause()).doesNotContain("1234");
    }

    @Test
    void refreshAuthenticationRunsInTheBackground() {
        Connection created = connections.create(TEST_CONNECTOR, PAR);

        Connection queued = connections.update(created.id(), ConnectionUpdate.refreshAuthentication().inBackground());

        assertThat(queued.state()).isEqualTo(ConnectionState.VALIDATING);
    }

    @Test
    void twoStepsAtOnceOnOneConnectionConflict() {
        Connection created = connections.create(TEST_CONNECTOR, Map.of("login", "jdupont", "password", "1234",
                "directaccesswebsite", "longDecoupled"));
        connections.update(created.id(), ConnectionUpdate.resumeDecoupled().inBackground());

        assertThatThrownBy(() -> connections.sync(created.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("connectionLocked"));
    }

    @Test
    void badFieldValueIsAnInvalidRequestNamingTheField() {
        assertThatThrownBy(() -> user.me().connections().create(TEST_CONNECTOR,
                Map.of("login", "jdupont", "password", "1234", "directaccesswebsite", "nope")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("config");
                    assertThat(e.description()).contains("directaccesswebsite");
                });
    }

    @Test
    void webauthUrlPointsAtTheServersWebauthWithASingleUseToken() {
        URI url = connections.webauthUrl(WebauthUrlRequest.newConnection(DEMO_CLIENT, REDIRECT_URI, TEST_CONNECTOR)
                .withSource("openapi").withState("xyz").withFields(Map.of("openapiwebsite", "pro")));

        assertThat(url.getPath()).endsWith("/2.0/webauth");
        assertThat(url.getQuery()).contains("token=", "state=xyz", "openapiwebsite=pro");
        assertThatThrownBy(() -> connections.webauthUrl(WebauthUrlRequest.newConnection(DEMO_CLIENT,
                "https://evil.example/cb", TEST_CONNECTOR))).isInstanceOf(InvalidRequestException.class);
    }
}
