package dev.passerelle.client;

import dev.passerelle.client.model.User;

/** One user's routes, {@code /users/me/…} or {@code /users/{id}/…}: the user, and its data by feature. */
public final class UserService {

    private final Transport transport;
    private final String base;
    private final FieldEncryptor encryptor;

    UserService(Transport transport, String user, FieldEncryptor encryptor) {
        this.transport = transport;
        this.base = "/users/" + user;
        this.encryptor = encryptor;
    }

    public User get() {
        return transport.get(base, null, User.class);
    }

    /** Deletes the user and all of its data. */
    public void delete() {
        transport.call("DELETE", base, null, null);
    }

    public ConnectionService connections() {
        return new ConnectionService(transport, base, encryptor);
    }

    public AccountService accounts() {
        return new AccountService(transport, base);
    }

    public TransactionService transactions() {
        return new TransactionService(transport, base);
    }

    public SubscriptionService subscriptions() {
        return new SubscriptionService(transport, base);
    }

    public DocumentService documents() {
        return new DocumentService(transport, base);
    }

    /** This user's own sandbox clock (sandbox mode only). */
    public TestClockService testClock() {
        return new TestClockService(transport, base + "/test/clock");
    }
}
