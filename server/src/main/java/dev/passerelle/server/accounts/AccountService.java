package dev.passerelle.server.accounts;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.ingestion.Consent;
import dev.passerelle.server.ingestion.DiscoveredRows.Kind;
import dev.passerelle.server.ingestion.IdList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reads and edits of the user's bank accounts (PROTOCOL-NOTES §7.1). Consent travels as the
 * {@code disabled} field of an edit: {@code false} activates (and fetches transactions at once),
 * {@code true} deactivates (and deletes them).
 */
@Service
public class AccountService {

    private static final Set<String> USAGES = Set.of("PRIV", "ORGA", "ASSO");

    private final AccountStore store;
    private final Consent consent;

    public AccountService(AccountStore store, Consent consent) {
        this.store = store;
        this.consent = consent;
    }

    public AccountList list(long userId, Long connectionId, boolean all) {
        return AccountList.of(store.list(userId, connectionId, all));
    }

    public AccountView get(long userId, Long connectionId, long id, boolean all) {
        return AccountView.of(find(userId, connectionId, id, all));
    }

    /**
     * Applies {@code body} ({@code disabled}, {@code display}, {@code name}, {@code bookmarked},
     * {@code usage}) to every listed account; all must be visible, or nothing changes (404).
     *
     * @return the accounts after the edit, in the order of {@code ids}
     */
    public List<AccountView> edit(long userId, Long connectionId, IdList ids, boolean all, BodyParams body) {
        Optional<Boolean> disabled = body.bool("disabled");
        Optional<Boolean> display = body.bool("display");
        Optional<Boolean> bookmarked = body.bool("bookmarked");
        Optional<String> name = body.string("name");
        Optional<String> usage = body.string("usage").map(AccountService::usage);
        List<AccountRow> targets = ids.ids().stream().map(id -> find(userId, connectionId, id, all)).toList();
        for (AccountRow account : targets) {
            store.edit(account.id(), display.orElse(null), name.orElse(null), bookmarked.orElse(null), usage.orElse(null));
            disabled.ifPresent(d -> consent.set(Kind.ACCOUNT, account.id(), account.disabled() != null, d));
        }
        return targets.stream().map(a -> AccountView.of(find(userId, connectionId, a.id(), true))).toList();
    }

    private AccountRow find(long userId, Long connectionId, long id, boolean all) {
        return store.find(userId, connectionId, id, all)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("No account " + id + (all ? "" : " (disabled accounts need ?all)")));
    }

    private static String usage(String raw) {
        if (!USAGES.contains(raw)) {
            throw ApiError.INVALID_VALUE.exception("'usage' is one of " + USAGES);
        }
        return raw;
    }
}
