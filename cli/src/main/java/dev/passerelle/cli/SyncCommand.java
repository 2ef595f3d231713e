package dev.passerelle.cli;

import dev.passerelle.client.ConnectionFailedException;
import dev.passerelle.client.Passerelle;
import dev.passerelle.client.Wire;
import dev.passerelle.client.model.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code passerelle sync [ID…]}: syncs the user's connections (all by default) with the user present,
 * asking what the bank asks (a one-time code, a validation in its app, a sign-in in the browser).
 */
@Command(name = "sync", description = "Sync connections now (all of them by default), answering what the bank asks.")
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    private PasserelleCommand root;

    @Parameters(paramLabel = "CONNECTION", description = "Connection ids (default: every connection)")
    private List<Long> ids = List.of();

    @Option(names = "--no-browser", description = "Print the bank's sign-in link without opening a browser")
    private boolean noBrowser;

    @Override
    public Integer call() throws InterruptedException {
        Passerelle user = root.asUser();
        List<Long> targets = ids.isEmpty() ? user.me().connections().list().stream().map(Connection::id).toList() : ids;
        if (targets.isEmpty()) {
            root.terminal.say("No connection yet: add one with `passerelle connect`.");
            return 0;
        }
        int waiting = 0;
        try (UserPrompts prompts = new UserPrompts(root.terminal, !noBrowser)) {
            for (long id : targets) {
                prompts.busy("Syncing connection " + id);
                Connection synced;
                try {
                    synced = prompts.flow(user, root.profile()).sync(id);
                } catch (ConnectionFailedException refused) {
                    synced = user.me().connections().get(id);
                }
                prompts.close();
                if (synced.state() == null) {
                    root.terminal.say("✓ Connection " + id + " synced" + (synced.lastUpdate() == null ? "" : " at " + Wire.DATE_TIME.format(synced.lastUpdate())) + ".");
                } else {
                    waiting++;
                    root.terminal.say("✗ Connection " + id + ": " + synced.error()
                            + (synced.errorMessage() == null ? "" : " (" + synced.errorMessage() + ")"));
                }
            }
        }
        return waiting == 0 ? 0 : 3;
    }
}
