package dev.passerelle.cli;

import dev.passerelle.client.Passerelle;
import java.util.Map;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: what every command shares (the terminal, the saved login, the API root). */
@Command(name = "passerelle", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Talk to a Passerelle (or Powens) API: log in, connect a bank, read accounts and transactions,"
                + " receive webhooks. Docs: docs/cli.md",
        subcommands = {LoginCommand.class, LogoutCommand.class, ConnectorsCommand.class, ConnectCommand.class,
                AccountsCommand.class, TransactionsCommand.class, SyncCommand.class, WebhooksCommand.class,
                AutoComplete.GenerateCompletion.class})
final class PasserelleCommand {

    static final String DEFAULT_API = "http://localhost:8080/2.0";

    final Terminal terminal;
    final ConfigStore store;
    final Map<String, String> env;

    @Option(names = "--api", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "API root, e.g. http://localhost:8080/2.0 (default: the one you logged in to, or $PASSERELLE_API)")
    String api;

    PasserelleCommand(Terminal terminal, ConfigStore store, Map<String, String> env) {
        this.terminal = terminal;
        this.store = store;
        this.env = env;
    }

    /** The saved login; fails with what to do when there is none. */
    Profile profile() {
        Profile saved = store.load().orElseThrow(() -> new IllegalStateException(
                "Not logged in: run `passerelle login` first"));
        return api == null ? saved : saved.withApi(api);
    }

    /** The API root: {@code --api}, else the saved one, else {@code $PASSERELLE_API}, else localhost. */
    String apiRoot(Optional<Profile> saved) {
        return Optional.ofNullable(api).or(() -> saved.map(Profile::api))
                .or(() -> Optional.ofNullable(env.get("PASSERELLE_API"))).orElse(DEFAULT_API);
    }

    /** The SDK acting as the logged-in user. */
    Passerelle asUser() {
        Profile profile = profile();
        if (profile.userToken() == null) {
            throw new IllegalStateException("No user in the saved login: run `passerelle login` with client credentials or --token");
        }
        return Passerelle.builder(profile.api()).token(profile.userToken()).build();
    }

    /** The SDK acting with the config token. */
    Passerelle asAdmin() {
        Profile profile = profile();
        if (profile.configToken() == null) {
            throw new IllegalStateException("This needs the config token: run `passerelle login --config-token-file <data>/config-token`");
        }
        return Passerelle.builder(profile.api()).token(profile.configToken()).build();
    }
}
