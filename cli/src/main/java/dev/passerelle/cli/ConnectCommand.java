package dev.passerelle.cli;

import dev.passerelle.client.ConnectionFailedException;
import dev.passerelle.client.Passerelle;
import dev.passerelle.client.TransactionQuery;
import dev.passerelle.client.flow.ConnectionFlow;
import dev.passerelle.client.flow.WebauthFailedException;
import dev.passerelle.client.model.Account;
import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.Connector;
import dev.passerelle.client.model.ConnectorSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code passerelle connect}: pick a connector and a source, type the credentials (the password
 * unechoed), answer the bank's one-time codes, wait with a spinner while the bank's app validates,
 * or sign in at the bank in a browser; then tick the accounts to share, whose transactions are
 * fetched at once. Every choice can also be given as an option, for scripts.
 */
@Command(name = "connect", description = "Add a connection to a bank, then choose the accounts to share.")
final class ConnectCommand implements Callable<Integer> {

    @ParentCommand
    private PasserelleCommand root;

    @Option(names = "--connector", paramLabel = "ID|UUID|NAME", description = "The connector (asked when not given)")
    private String connectorKey;

    @Option(names = "--source", paramLabel = "NAME", description = "The source: directaccess, openapi… (asked when several)")
    private String sourceName;

    @Option(names = {"-f", "--field"}, paramLabel = "NAME=VALUE", description = "A field value (asked when not given)")
    private Map<String, String> fields = new LinkedHashMap<>();

    @Option(names = "--accounts", paramLabel = "all|none|ID,ID…",
            description = "The accounts to share (a checklist on a terminal; all otherwise)")
    private String accounts;

    @Option(names = "--no-browser", description = "Print the bank's sign-in link without opening a browser")
    private boolean noBrowser;

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = root.terminal;
        Profile profile = root.profile();
        Passerelle user = root.asUser();
        Connector connector = pick("connector", user.connectors().list("sources", "fields"), connectorKey,
                c -> c.name() + "  (" + c.id() + ")", (c, key) -> key.equals(String.valueOf(c.id()))
                        || key.equalsIgnoreCase(c.uuid().toString()) || c.name().toLowerCase(Locale.ROOT).contains(key.toLowerCase(Locale.ROOT)));
        ConnectorSource source = pick("source", Optional.ofNullable(connector.sources()).orElse(List.of()), sourceName,
                s -> s.name() + "  (" + ConnectorsCommand.mechanisms(s) + ")", (s, key) -> key.equals(s.name()));
        Connection connection;
        try (UserPrompts prompts = new UserPrompts(terminal, !noBrowser)) {
            ConnectionFlow flow = prompts.flow(user, profile);
            if ("webauth".equals(source.authMechanism())) {
                connection = flow.addByWebauth(connector.uuid(), source.name(), fields);
            } else {
                Map<String, String> values = prompts.ask(connector.fieldsFor(source.name()), null, fields);
                if (values.isEmpty()) {
                    terminal.say("Cancelled.");
                    return 1;
                }
                prompts.busy("Connecting to " + connector.name());
                connection = flow.add(connector.uuid(), source.name(), values);
            }
        } catch (ConnectionFailedException refused) {
            terminal.say("✗ " + connector.name() + " refused: " + refused.code()
                    + (refused.userMessage() == null ? "" : " (" + refused.userMessage() + ")"));
            return 1;
        } catch (WebauthFailedException refused) {
            terminal.say("✗ The sign-in at " + connector.name() + " did not finish: " + refused.getMessage());
            return 1;
        }
        if (connection.state() != null) {
            terminal.say("Connection " + connection.id() + " waits: " + connection.error()
                    + (connection.errorMessage() == null ? "" : " (" + connection.errorMessage() + ")")
                    + ". Run `passerelle sync " + connection.id() + "` to go on.");
            return 3;
        }
        terminal.say("✓ Connected to " + connector.name() + " (connection " + connection.id() + ").");
        shareAccounts(user, connection);
        return 0;
    }

    private void shareAccounts(Passerelle user, Connection connection) {
        List<Account> found = user.me().accounts().list(connection.id(), true).accounts();
        if (found.isEmpty()) {
            return;
        }
        long[] chosen = accounts != null ? chosen(found, accounts)
                : root.terminal.interactive() ? checklist(found) : found.stream().mapToLong(Account::id).toArray();
        if (chosen.length == 0) {
            root.terminal.say("No account shared: their transactions are not fetched.");
            return;
        }
        user.me().accounts().enable(chosen);
        long transactions = user.me().transactions().list(TransactionQuery.create().ofConnection(connection.id())
                .pageSize(1)).total();
        root.terminal.say("✓ Shared " + chosen.length + " account" + (chosen.length > 1 ? "s" : "") + "; "
                + transactions + " transactions fetched. See them with `passerelle transactions`.");
    }

    /** A checklist on the terminal: every account ticked, numbers toggle, Enter confirms. */
    private long[] checklist(List<Account> found) {
        boolean[] ticked = new boolean[found.size()];
        Arrays.fill(ticked, true);
        while (true) {
            root.terminal.say("Accounts to share:");
            for (int i = 0; i < found.size(); i++) {
                Account a = found.get(i);
                root.terminal.say(String.format("  [%s] %d. %s  %s  %s %s", ticked[i] ? "x" : " ", i + 1, a.name(),
                        Optional.ofNullable(a.number()).orElse(""), a.balance(),
                        a.currency() == null ? "" : a.currency().id()));
            }
            String typed = root.terminal.ask("Toggle with numbers (\"2 5\"), \"all\" or \"none\"; Enter to confirm: ");
            if (typed == null || typed.isBlank()) {
                break;
            }
            for (String word : typed.strip().split("[\\s,]+")) {
                if (word.equalsIgnoreCase("all") || word.equalsIgnoreCase("none")) {
                    Arrays.fill(ticked, word.equalsIgnoreCase("all"));
                } else if (word.matches("\\d+") && Integer.parseInt(word) >= 1 && Integer.parseInt(word) <= found.size()) {
                    ticked[Integer.parseInt(word) - 1] ^= true;
                } else {
                    root.terminal.say("Not an account number: " + word);
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (ticked[i]) {
                ids.add(found.get(i).id());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] chosen(List<Account> found, String option) {
        return switch (option.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> found.stream().mapToLong(Account::id).toArray();
            case "none" -> new long[0];
            default -> Arrays.stream(option.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
        };
    }

    /** The item matching {@code key}; else the only one; else asked from a numbered list (the first by default). */
    private <T> T pick(String what, List<T> items, String key, Function<T, String> label,
                       BiPredicate<T, String> matches) {
        if (key != null) {
            return items.stream().filter(item -> matches.test(item, key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No " + what + " matches '" + key + "'"));
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("The server offers no " + what);
        }
        if (items.size() == 1 || !root.terminal.interactive()) {
            return items.getFirst();
        }
        for (int i = 0; i < items.size(); i++) {
            root.terminal.say(String.format("  %2d. %s", i + 1, label.apply(items.get(i))));
        }
        while (true) {
            String typed = root.terminal.ask("Which " + what + "? [1-" + items.size() + ", Enter for 1]: ");
            if (typed == null || typed.isBlank()) {
                return items.getFirst();
            }
            if (typed.strip().matches("\\d+") && Integer.parseInt(typed.strip()) >= 1
                    && Integer.parseInt(typed.strip()) <= items.size()) {
                return items.get(Integer.parseInt(typed.strip()) - 1);
            }
        }
    }
}
