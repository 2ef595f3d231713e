package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.SandboxMode;
import dev.passerelle.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Later syncs and updates: failures are kept as the connection's state and resumed (docs/protocol.md §3.4, §3.5, §4). */
@SandboxMode
class ConnectionSyncTest extends TestBankUserTest {

    @Test
    void scaRequiredWhenSyncedWithoutTheUserThenScaRequired() {
        long id = bank.added("SCARequired");

        TestApi.Response synced = bank.sync(id, false);

        assertThat(synced.status()).isEqualTo(202);
        assertThat(synced.json().get("state").asString()).isEqualTo("SCARequired");
    }

    @Test
    void scaRequiredWhenForcedWithAnEmptyPostThenOk() {
        long id = bank.added("SCARequired");
        bank.sync(id, false);

        TestApi.Response forced = bank.update(id, Map.of());

        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.json().get("state").isNull()).isTrue();
    }

    @Test
    void scaRequiredAndOtpWhenForcedThenOtpThenOk() {
        long id = bank.added("SCARequiredAndOTP");
        bank.sync(id, false);

        TestApi.Response forced = bank.update(id, Map.of());
        assertThat(forced.status()).isEqualTo(202);
        assertThat(forced.json().get("state").asString()).isEqualTo("additionalInformationNeeded");

        TestApi.Response answered = bank.update(id, Map.of("openapisms", "abcd"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("state").isNull()).isTrue();
    }

    @Test
    void scaRequiredAndDecoupledWhenSyncedWithTheUserThenDecoupled() {
        long id = bank.added("SCARequiredAndDecoupled");

        TestApi.Response synced = bank.sync(id, true);

        assertThat(synced.status()).isEqualTo(202);
        assertThat(synced.json().get("state").asString()).isEqualTo("decoupled");
    }

    @Test
    void webauthRequiredOnTheOpenapiSourceWhenSyncedThenWebauthRequired() {
        long id = bank.add(TestBank.fields("webauthRequired").onOpenapi()).json().get("id").asLong();

        TestApi.Response synced = bank.sync(id, true);

        assertThat(synced.status()).isEqualTo(202);
        assertThat(synced.json().get("state").asString()).isEqualTo("webauthRequired");
    }

    @Test
    void wrongPasswordOnAnExistingConnectionIsKeptWithFieldsThenFixedByNewCredentials() {
        long id = bank.added("par");

        TestApi.Response wrong = bank.update(id, Map.of("password", "0000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asString()).isEqualTo("wrongpass");
        TestApi.Response kept = bank.get(id);
        assertThat(kept.json().get("state").asString()).isEqualTo("wrongpass");
        assertThat(kept.json().get("fields").findValuesAsString("name")).contains("login", "password");

        TestApi.Response fixed = bank.update(id, Map.of("password", "1234"));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.json().get("state").isNull()).isTrue();
    }

    @Test
    void actionNeededIsKeptThenALaterSyncSucceeds() {
        long id = bank.added("par");

        TestApi.Response failed = bank.update(id, Map.of("directaccesswebsite", "actionNeeded"));
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.json().get("code").asString()).isEqualTo("actionNeeded");
        assertThat(bank.get(id).json().get("state").asString()).isEqualTo("actionNeeded");

        TestApi.Response synced = bank.sync(id, true);
        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.json().get("state").isNull()).isTrue();
    }

    @Test
    void websiteUnavailableIsKeptWithANextTryThenRetriedSuccessfully() {
        long id = bank.added("par");

        bank.update(id, Map.of("directaccesswebsite", "websiteUnavailable"));
        TestApi.Response kept = bank.get(id);
        assertThat(kept.json().get("state").asString()).isEqualTo("websiteUnavailable");
        assertThat(kept.json().get("next_try").isNull()).isFalse();

        TestApi.Response retried = bank.sync(id, false);
        assertThat(retried.json().get("state").isNull()).isTrue();
    }

    @Test
    void passwordExpiredIsKeptUntilANewPasswordIsPosted() {
        long id = bank.added("par");

        bank.update(id, Map.of("directaccesswebsite", "passwordExpired"));
        assertThat(bank.sync(id, true).json().get("state").asString()).isEqualTo("passwordExpired");

        TestApi.Response fixed = bank.update(id, Map.of("password", "1234"));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.json().get("state").isNull()).isTrue();
    }

    @Test
    void notSupportedIsFinalForSyncs() {
        long id = bank.added("par");

        bank.update(id, Map.of("directaccesswebsite", "notSupported"));
        TestApi.Response synced = bank.sync(id, true);

        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.json().get("state").asString()).isEqualTo("notSupported");
    }

    @Test
    void aSecondSourceIsAddedThroughTheUpdateEndpoint() {
        long id = bank.added("par");

        TestApi.Response added = bank.update(id, "?source=openapi", Map.of("openapiwebsite", "pro"));

        assertThat(added.status()).isEqualTo(200);
        TestApi.Response sources = api.get("/users/me/connections/" + id + "/sources").bearer(bank.token()).send();
        assertThat(sources.json().get("sources").findValuesAsString("name")).containsExactly("directaccess", "openapi");
    }

    @Test
    void putWithFieldValuesIsAnUpdateAsPost() {
        long id = bank.added("par");

        TestApi.Response put = api.put("/users/me/connections/" + id).bearer(bank.token())
                .json(Map.of("password", "0000")).send();

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("code").asString()).isEqualTo("wrongpass");
    }

    @Test
    void deactivatingKeepsTheStateAndShowsActiveFalse() {
        long id = bank.added("par");

        TestApi.Response updated = bank.update(id, Map.of("active", "false"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("active").asBoolean()).isFalse();
    }
}
