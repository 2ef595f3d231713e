package dev.passerelle.client.support;

import dev.passerelle.client.Passerelle;
import dev.passerelle.client.model.AuthToken;

/** The clients a test acts with against the shared server: anonymous, the administrator, a new user of the demo client. */
public final class Integrators {

    private final PasserelleServer server = PasserelleServer.shared();
    private final Passerelle anonymous = Passerelle.builder(server.api()).build();

    public PasserelleServer server() {
        return server;
    }

    /** No token: public routes, {@code /auth/*}. */
    public Passerelle anonymous() {
        return anonymous;
    }

    /** The config token. */
    public Passerelle admin() {
        return anonymous.withToken(server.configToken());
    }

    /** A new permanent user of the demo client, acting with its token. */
    public Passerelle newUser() {
        AuthToken token = anonymous.auth().init(PasserelleServer.DEMO_CLIENT, server.demoClientSecret());
        return anonymous.withToken(token.authToken());
    }
}
