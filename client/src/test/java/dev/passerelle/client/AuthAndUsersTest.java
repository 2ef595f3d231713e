package dev.passerelle.client;

import static dev.passerelle.client.support.PasserelleServer.DEMO_CLIENT;
import static dev.passerelle.client.support.PasserelleServer.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.client.model.AccessToken;
import dev.passerelle.client.model.AuthCode;
import dev.passerelle.client.model.AuthToken;
import dev.passerelle.client.model.User;
import dev.passerelle.client.support.Integrators;
import org.junit.jupiter.api.Test;

/** {@code /auth/*} and {@code /users}: tokens, codes, typed errors. */
class AuthAndUsersTest {

    private final Integrators integrators = new Integrators();
    private final Passerelle anonymous = integrators.anonymous();
    private final String secret = integrators.server().demoClientSecret();

    @Test
    void clientCredentialsMakeAPermanentUser() {
        AuthToken token = anonymous.auth().init(DEMO_CLIENT, secret);

        assertThat(token.permanent()).isTrue();
        assertThat(token.expiresIn()).isNull();
        assertThat(anonymous.withToken(token.authToken()).me().get().id()).isEqualTo(token.idUser());
        assertThat(token.toString()).doesNotContain(token.authToken());
    }

    @Test
    void noCredentialsMakeATemporaryUser() {
        AuthToken token = anonymous.auth().init();

        assertThat(token.type()).isEqualTo("temporary");
        assertThat(token.expiresIn()).isEqualTo(1800);
    }

    @Test
    void wrongClientSecretIsAnAuthenticationError() {
        assertThatThrownBy(() -> anonymous.auth().init(DEMO_CLIENT, "wrong"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("unauthorized");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.description()).isNotBlank();
                });
    }

    @Test
    void codeIsExchangedForAPermanentToken() {
        Passerelle temporary = anonymous.withToken(anonymous.auth().init().authToken());
        AuthCode code = temporary.auth().code(true);

        AccessToken access = anonymous.auth().access(code.code(), DEMO_CLIENT, secret, REDIRECT_URI);

        assertThat(code.access()).isEqualTo("single");
        assertThat(access.tokenType()).isEqualTo("Bearer");
        assertThat(anonymous.withToken(access.accessToken()).me().get()).isNotNull();
    }

    @Test
    void renewWithRevokePreviousKillsTheOldToken() {
        AuthToken first = anonymous.auth().init(DEMO_CLIENT, secret);

        AccessToken renewed = anonymous.auth().renew(DEMO_CLIENT, secret, first.idUser(), true);

        assertThat(anonymous.withToken(renewed.accessToken()).me().get().id()).isEqualTo(first.idUser());
        assertThatThrownBy(() -> anonymous.withToken(first.authToken()).me().get())
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void revokedTokenNoLongerWorks() {
        Passerelle user = integrators.newUser();

        user.auth().revoke();

        assertThatThrownBy(() -> user.me().get()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void deletedUserIsGone() {
        Passerelle user = integrators.newUser();
        long id = user.me().get().id();

        user.me().delete();

        assertThatThrownBy(() -> integrators.admin().user(id).get()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void configTokenListsUsersAndReachesAnyUserById() {
        Passerelle user = integrators.newUser();
        User me = user.me().get();

        assertThat(integrators.admin().users()).extracting(User::id).contains(me.id());
        assertThat(integrators.admin().user(me.id()).get()).isEqualTo(me);
        assertThat(me.signin()).isNotNull();
    }

    @Test
    void userTokenOnAnotherUserIsAPermissionError() {
        long other = integrators.newUser().me().get().id();

        assertThatThrownBy(() -> integrators.newUser().user(other).get())
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
        assertThatThrownBy(() -> integrators.newUser().users()).isInstanceOf(PermissionException.class);
    }
}
