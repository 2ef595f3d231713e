package dev.passerelle.server.accounts;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.IdList;
import dev.passerelle.server.consent.Consent;
import dev.passerelle.server.consent.DiscoveredRows.Kind;
import dev.passerelle.server.consent.DiscoveredRows.Visible;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reads and edits of the user's bank accounts (docs/protocol.md §7.1). Consent travels as the
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

    public AccountList list(Visible visible) {
        return AccountList.of(store.list(visible));
    }

    public AccountView get(Visible visible, long id) {
        return AccountView.of(find(visible, id));
    }

    /**
     * Applies {@code body} ({@code disabled}, {@code display}, {@code name}, {@code bookmarked},
     * {@code usage}) to every listed account; all must be visible, or nothing changes (404).
     *
     * @return the accounts after the edit, in the order of {@code ids}
     */
    public List<AccountView> edit(Visible visible, IdList ids, BodyParams body) {
        Optional<Boolean> disabled = body.bool("disabled");
        Optional<Boolean> display = body.bool("display");
        Optional<Boolean> bookmarked = body.bool("bookmarked");
        Optional<String> name = body.text("name", AccountRow.MAX_NAME_LENGTH);
        Optional<String> usage = body.string("usage").map(AccountService::usage);
        List<AccountRow> targets = ids.ids().stream().map(id -> find(visible, id)).toList();
        for (AccountRow account : targets) {
            store.edit(account.id(), display.orElse(null), name.orElse(null), bookmarked.orElse(null), usage.orElse(null));
            disabled.ifPresent(d -> consent.set(Kind.ACCOUNT, account.id(), account.disabled() != null, d));
        }
        return targets.stream().map(a -> AccountView.of(find(visible.withAll(), a.id()))).toList();
    }

    private AccountRow find(Visible visible, long id) {
        return store.find(visible, id).orElseThrow(() -> ApiError.NOT_FOUND.exception(
                "No account " + id + (visible.all() ? "" : " (disabled accounts need ?all)")));
    }

    private static String usage(String raw) {
        if (!USAGES.contains(raw)) {
            throw ApiError.INVALID_VALUE.exception("'usage' is one of " + USAGES);
        }
        return raw;
    }
}
