package dev.passerelle.cli;

import dev.passerelle.client.Passerelle;
import dev.passerelle.client.model.Account;
import dev.passerelle.client.model.AccountList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code passerelle accounts}: the user's accounts, shared or not; shares or stops sharing some. */
@Command(name = "accounts", description = "List the accounts; --enable/--disable share them or stop.")
final class AccountsCommand implements Callable<Integer> {

    @ParentCommand
    private PasserelleCommand root;

    @Option(names = "--connection", paramLabel = "ID", description = "Only this connection's accounts")
    private Long connection;

    @Option(names = "--enable", split = ",", paramLabel = "ID", description = "Share these accounts (fetches their transactions)")
    private long[] enable = {};

    @Option(names = "--disable", split = ",", paramLabel = "ID", description = "Stop sharing them (deletes their transactions)")
    private long[] disable = {};

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default: ${DEFAULT-VALUE})")
    private Format format;

    enum Format { table, json }

    @Override
    public Integer call() {
        Passerelle user = root.asUser();
        if (enable.length > 0) {
            user.me().accounts().enable(enable);
        }
        if (disable.length > 0) {
            user.me().accounts().disable(disable);
        }
        AccountList list = connection == null ? user.me().accounts().list(true)
                : user.me().accounts().list(connection, true);
        if (format == Format.json) {
            root.terminal.out().println(TerminalText.JSON.withDefaultPrettyPrinter().writeValueAsString(list.accounts()));
            return 0;
        }
        Table table = new Table("ID", "CONNECTION", "NAME", "TYPE", "NUMBER", "BALANCE", "SHARED");
        for (Account a : list.accounts()) {
            table.row(a.id(), a.idConnection(), a.name(), a.type(), a.number(),
                    a.balance() + (a.currency() == null ? "" : " " + a.currency().id()), a.enabled() ? "yes" : "no");
        }
        table.print(root.terminal.out());
        if (list.accounts().stream().noneMatch(Account::enabled) && !list.accounts().isEmpty()) {
            root.terminal.say("No account is shared yet: `passerelle accounts --enable ID,ID` fetches their transactions.");
        }
        return 0;
    }
}
