package dev.passerelle.client;

import dev.passerelle.client.model.Account;
import dev.passerelle.client.model.AccountList;
import java.util.List;
import java.util.Map;

/**
 * A user's bank accounts (docs/data.md). Discovered accounts are disabled until the user consents:
 * list them with {@code all}, then {@link #enable(long...)} what they chose, which fetches their
 * transactions within the call.
 */
public final class AccountService {

    private final Transport transport;
    private final String base;

    AccountService(Transport transport, String user) {
        this.transport = transport;
        this.base = user + "/accounts";
    }

    /**
     * The user's accounts; disabled ones too with {@code all}. {@code expand} may name
     * {@code connection}, with its own members in brackets ({@code "connection[connector]"}): each
     * account then carries its {@link Account#connection()}.
     */
    public AccountList list(boolean all, String... expand) {
        return transport.get(base, Query.of().flag("all", all).expand(expand), AccountList.class);
    }

    /** The accounts of one connection, {@code expand} as for all of them. */
    public AccountList list(long connection, boolean all, String... expand) {
        return transport.get(base.replace("/accounts", "/connections/" + connection + "/accounts"),
                Query.of().flag("all", all).expand(expand), AccountList.class);
    }

    /** One account; a disabled one only with {@code all}; {@code expand} as for the list. */
    public Account get(long id, boolean all, String... expand) {
        return transport.get(base + "/" + id, Query.of().flag("all", all).expand(expand), Account.class);
    }

    /** The user's consent: enables the accounts and fetches their transactions now. */
    public List<Account> enable(long... ids) {
        return edit(Map.of("disabled", false), ids);
    }

    /** Withdraws consent: the accounts' transactions are deleted at once. */
    public List<Account> disable(long... ids) {
        return edit(Map.of("disabled", true), ids);
    }

    /** Renames one account (the user's label; {@code original_name} keeps the bank's). */
    public Account rename(long id, String name) {
        return edit(Map.of("name", name), id).getFirst();
    }

    /** Sets any of {@code disabled}, {@code name}, {@code display}, {@code bookmarked}, {@code usage} on the accounts. */
    public List<Account> edit(Map<String, ?> changes, long... ids) {
        return transport.editByIds(base, ids, changes, "accounts", Account.class);
    }
}
