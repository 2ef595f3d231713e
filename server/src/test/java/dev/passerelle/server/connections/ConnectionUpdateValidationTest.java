package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.runtime.lease.Leases;
import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An update whose body has a bad member is refused whatever the other members are, and changes
 * nothing of the connection, not even the members that were valid (docs/protocol.md §3.4). In sandbox
 * mode, for the test connector's second source.
 */
@SandboxMode
class ConnectionUpdateValidationTest extends TestBankUserTest {

    @Autowired
    Leases leases;

    /** A member that is invalid on its own, with the error code it answers. */
    static Stream<Arguments> badMembers() {
        return Stream.of(
                Arguments.of(Map.of("resume", "x"), "invalidValue"),
                Arguments.of(Map.of("decoupled", "x"), "invalidValue"),
                Arguments.of(Map.of("resume", "true", "decoupled", "x"), "invalidValue"),
                Arguments.of(Map.of("refresh_auth", "x"), "invalidValue"),
                Arguments.of(Map.of("background", "x"), "invalidValue"),
                Arguments.of(Map.of("source", "zzz"), "invalidValue"),
                Arguments.of(Map.of("source", "openapi", "openapiwebsite", "zzz"), "config"),
                Arguments.of(Map.of("directaccesswebsite", "zzz"), "config"),
                Arguments.of(Map.of("resume", "true", "directaccesswebsite", "zzz"), "config"),
                Arguments.of(Map.of("refresh_auth", "true", "directaccesswebsite", "zzz"), "config"),
                Arguments.of(Map.of("password", "not.a.valid.jwe.value"), "invalidValue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMembers")
    void aBadMemberAloneIsRefusedAndChangesNothing(Map<String, String> bad, String code) {
        long id = bank.added("par");
        JsonNode before = stored(id);

        TestApi.Response refused = bank.update(id, bad);

        assertRefusedUnchanged(refused, code, id, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMembers")
    void aBadMemberWithAValidActiveIsRefusedAndActiveIsNotChanged(Map<String, String> bad, String code) {
        long id = bank.added("par");
        JsonNode before = stored(id);
        Map<String, String> body = new LinkedHashMap<>(bad);
        body.put("active", "false");

        TestApi.Response refused = bank.update(id, body);

        assertRefusedUnchanged(refused, code, id, before);
    }

    @Test
    void aBadExpandIsRefusedBeforeActiveIsChanged() {
        long id = bank.added("par");
        JsonNode before = stored(id);

        TestApi.Response refused = bank.update(id, "?expand=sources%5B", Map.of("active", "false"));

        assertRefusedUnchanged(refused, "invalidValue", id, before);
    }

    @Test
    void aPutWithABadPsuRequestedIsRefusedEvenWhenItCarriesAnUpdate() {
        long id = bank.added("par");
        JsonNode before = stored(id);

        TestApi.Response refused = api.put("/users/me/connections/" + id).bearer(bank.token())
                .json(Map.of("psu_requested", "x", "active", "false")).send();

        assertRefusedUnchanged(refused, "invalidValue", id, before);
    }

    @Test
    void refreshAuthWithActiveAuthenticatesAgainAsItDoesAlone() {
        long id = bank.added("par");
        int authentications = authentications(id);

        TestApi.Response refreshed = bank.update(id, Map.of("refresh_auth", "true", "active", "false"));

        assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(200);
        assertThat(refreshed.json().get("active").asBoolean()).isFalse();
        assertThat(authentications(id)).isEqualTo(authentications + 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "?background=true"})
    void anUpdateRefusedBecauseAStepIsRunningChangesNothing(String query) {
        long id = bank.added("par");
        JsonNode before = stored(id);
        leases.take(id);
        try {
            TestApi.Response refused = bank.update(id, query, Map.of("active", "false", "source", "openapi"));

            assertThat(refused.status()).as("%s", refused).isEqualTo(409);
            assertThat(refused.json().get("code").asString()).isEqualTo("connectionLocked");
        } finally {
            leases.release(id);
        }
        assertThat(stored(id)).isEqualTo(before);
    }

    private void assertRefusedUnchanged(TestApi.Response refused, String code, long id, JsonNode before) {
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).as("%s", refused).isEqualTo(code);
        assertThat(stored(id)).isEqualTo(before);
    }

    /** The connection as the API shows it, with its sources. */
    private JsonNode stored(long id) {
        return api.get("/users/me/connections/" + id + "?expand=sources").bearer(bank.token()).send().json();
    }

    private int authentications(long id) {
        return (int) bank.logs(id).json().get("connectionlogs").valueStream()
                .filter(e -> e.path("cause").asString().startsWith("authentication")).count();
    }
}
