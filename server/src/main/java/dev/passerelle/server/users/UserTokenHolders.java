package dev.passerelle.server.users;

import dev.passerelle.server.auth.TokenHolders;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The users, as the token grants of {@code auth} see them. */
@Component
class UserTokenHolders implements TokenHolders {

    private final UserAccounts users;

    UserTokenHolders(UserAccounts users) {
        this.users = users;
    }

    @Override
    public long createPermanent(Long clientId) {
        return users.createPermanent(clientId).id();
    }

    @Override
    public long createTemporary() {
        return users.createTemporary().id();
    }

    @Override
    public Optional<Holder> find(long userId) {
        return users.find(userId).map(user -> new Holder(user.id(), user.clientId()));
    }

    @Override
    public void makePermanent(long userId, long clientId) {
        users.makePermanent(userId, clientId);
    }
}
