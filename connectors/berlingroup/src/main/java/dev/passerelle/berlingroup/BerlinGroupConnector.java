package dev.passerelle.berlingroup;

import dev.passerelle.berlingroup.consent.ConsentFlow;
import dev.passerelle.berlingroup.data.AccountData;
import dev.passerelle.berlingroup.directory.Aspsp;
import dev.passerelle.berlingroup.directory.BankDescriptor;
import dev.passerelle.berlingroup.oauth.OAuthFlow;
import dev.passerelle.berlingroup.sca.Known;
import dev.passerelle.berlingroup.sca.ScaDriver;
import dev.passerelle.berlingroup.session.Conversation;
import dev.passerelle.berlingroup.transport.Xs2aClient;
import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import java.time.LocalDate;
import java.util.List;

/**
 * One bank of the directory, spoken to in the Berlin Group NextGenPSD2 XS2A standard
 * (docs/berlin-group.md): the account-information service with consents, every SCA approach, and the
 * dedicated consent that follows the user's choice of accounts ({@link ConsentCapability}).
 *
 * <p>It keeps nothing about a connection in memory: consents, the authorisation in progress and the
 * accounts the bank showed live in the connection's session ({@link Conversation}).
 */
public final class BerlinGroupConnector implements Connector, ConsentCapability {

    private final Aspsp bank;
    private final ConnectorDescriptor descriptor;
    private final Xs2aClient client;
    private final OAuthFlow oauth;
    private final ConsentFlow consents;
    private final AccountData data;

    public BerlinGroupConnector(Aspsp bank, Xs2aClient client) {
        this.bank = bank;
        this.descriptor = BankDescriptor.of(bank);
        this.client = client;
        this.oauth = bank.sca().oauthClientId() == null ? null : new OAuthFlow(client, bank.sca().oauthClientId());
        this.data = new AccountData(bank);
        this.consents = new ConsentFlow(bank, new ScaDriver(bank, oauth), data);
    }

    public Aspsp bank() {
        return bank;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public StepResult start(ConnectionContext ctx) {
        return consents.start(conversation(ctx), known(ctx));
    }

    @Override
    public StepResult resume(ConnectionContext ctx, Resume input) {
        return consents.resume(conversation(ctx), input, known(ctx));
    }

    @Override
    public StepResult sync(ConnectionContext ctx) {
        return consents.check(conversation(ctx), known(ctx));
    }

    @Override
    public List<Account> accounts(ConnectionContext ctx) {
        return data.accounts(conversation(ctx));
    }

    @Override
    public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
        return data.transactions(conversation(ctx), account, since);
    }

    @Override
    public StepResult accountsActivated(ConnectionContext ctx, List<Account> activated) {
        return consents.activated(conversation(ctx), activated, known(ctx));
    }

    @Override
    public void revoke(ConnectionContext ctx) {
        consents.revoke(conversation(ctx));
    }

    private Conversation conversation(ConnectionContext ctx) {
        return new Conversation(ctx, client, oauth);
    }

    /** The user id and password the connection stores: the password only on the embedded source. */
    private static Known known(ConnectionContext ctx) {
        boolean embedded = ctx.mechanism() == AuthMechanism.CREDENTIALS;
        return new Known(ctx.credential(embedded ? BankDescriptor.LOGIN : BankDescriptor.OPEN_API_LOGIN).orElse(null),
                embedded ? ctx.credential(BankDescriptor.PASSWORD).orElse(null) : null);
    }
}
