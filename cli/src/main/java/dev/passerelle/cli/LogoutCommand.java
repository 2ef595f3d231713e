package dev.passerelle.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code passerelle logout}: forgets the saved login (the tokens stay valid on the server). */
@Command(name = "logout", description = "Forget the saved login.")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    private PasserelleCommand root;

    @Override
    public Integer call() {
        root.terminal.say(root.store.delete() ? "Logged out." : "Not logged in.");
        return 0;
    }
}
