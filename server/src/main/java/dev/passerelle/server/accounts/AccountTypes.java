package dev.passerelle.server.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed catalogue of account types behind {@code GET /account_types} (docs/protocol.md §7.1).
 * The ids are part of the wire contract and never change: {@code checking} is 2 and {@code card} 8
 * as observed on Powens; the regulated French savings books hang off {@code savings}.
 */
public final class AccountTypes {

    /** One account type. {@code displayNameP} is the plural display name. */
    public record AccountType(int id, String name, Integer idParent, boolean isInvest, String displayName,
                              String displayNameP) {
    }

    static final int UNKNOWN = 14;

    static final List<AccountType> ALL = List.of(
            type(1, "savings", null, false, "Savings account", "Savings accounts"),
            type(2, "checking", null, false, "Checking account", "Checking accounts"),
            type(3, "deposit", null, false, "Deposit account", "Deposit accounts"),
            type(4, "loan", null, false, "Loan", "Loans"),
            type(5, "market", null, true, "Market account", "Market accounts"),
            type(6, "joint", null, false, "Joint account", "Joint accounts"),
            type(7, "pea", null, true, "Share savings plan (PEA)", "Share savings plans (PEA)"),
            type(8, "card", null, false, "Card", "Cards"),
            type(9, "lifeinsurance", null, true, "Life insurance", "Life insurances"),
            type(10, "pee", null, true, "Company savings plan (PEE)", "Company savings plans (PEE)"),
            type(11, "perco", null, true, "Group retirement savings plan (PERCO)", "Group retirement savings plans (PERCO)"),
            type(12, "article83", null, true, "Article 83 retirement plan", "Article 83 retirement plans"),
            type(13, "rsp", null, true, "Special profit-sharing reserve", "Special profit-sharing reserves"),
            type(UNKNOWN, "unknown", null, false, "Unknown account", "Unknown accounts"),
            type(15, "capitalisation", null, true, "Capitalisation contract", "Capitalisation contracts"),
            type(16, "perp", null, true, "Popular retirement savings plan (PERP)", "Popular retirement savings plans (PERP)"),
            type(17, "madelin", null, true, "Madelin retirement contract", "Madelin retirement contracts"),
            type(18, "crowdlending", null, true, "Crowdlending", "Crowdlendings"),
            type(19, "real_estate", null, true, "Real estate investment", "Real estate investments"),
            type(20, "per", null, true, "Retirement savings plan (PER)", "Retirement savings plans (PER)"),
            type(21, "livret_a", 1, false, "Livret A", "Livrets A"),
            type(22, "livret_b", 1, false, "Livret B", "Livrets B"),
            type(23, "ldds", 1, false, "Sustainable development savings book (LDDS)", "Sustainable development savings books (LDDS)"),
            type(24, "cel", 1, false, "Home savings account (CEL)", "Home savings accounts (CEL)"),
            type(25, "pel", 1, false, "Home savings plan (PEL)", "Home savings plans (PEL)"),
            type(26, "csl", 1, false, "Free savings account (CSL)", "Free savings accounts (CSL)"),
            type(27, "cat", 1, false, "Term deposit account (CAT)", "Term deposit accounts (CAT)"));

    private static final Map<String, AccountType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(AccountType::name, Function.identity()));

    private AccountTypes() {
    }

    private static AccountType type(int id, String name, Integer parent, boolean invest, String display, String plural) {
        return new AccountType(id, name, parent, invest, display, plural);
    }

    /** The id of a type name; a name outside the catalogue counts as {@code unknown}. */
    static int idOf(String name) {
        AccountType type = BY_NAME.get(name);
        return type == null ? UNKNOWN : type.id();
    }

    /** Whether accounts of that type hold investments ({@code is_invest}); an unknown type holds none. */
    public static boolean isInvest(String name) {
        AccountType type = BY_NAME.get(name);
        return type != null && type.isInvest();
    }

    static Optional<AccountType> byId(long id) {
        return ALL.stream().filter(t -> t.id() == id).findFirst();
    }
}
