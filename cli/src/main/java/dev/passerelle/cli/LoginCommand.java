package dev.passerelle.cli;

import dev.passerelle.client.AuthenticationException;
import dev.passerelle.client.Passerelle;
import dev.passerelle.client.model.AuthToken;
import dev.passerelle.client.model.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code passerelle login}: with the client application's credentials (the CLI then acts as a
 * permanent user of that client, created at the first login and kept afterwards), or with a user
 * token an integrator's back end handed over; optionally with the config token for the webhook
 * commands. The secret is read from a file, from standard input, or typed without echo.
 */
@Command(name = "login", description = "Log in with client credentials or a user token; saved in ~/.config/passerelle.")
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    private PasserelleCommand root;

    @Option(names = "--client-id", paramLabel = "ID", description = "Client application id (the demo client is 10000001)")
    private Long clientId;

    @Option(names = "--client-secret-file", paramLabel = "FILE",
            description = "File holding the client secret, e.g. data/demo-client-secret; otherwise it is asked")
    private Path clientSecretFile;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Act as the user of this token instead")
    private String token;

    @Option(names = "--config-token-file", paramLabel = "FILE",
            description = "File holding the config token (data/config-token), for `passerelle webhooks`")
    private Path configTokenFile;

    @Option(names = "--redirect-uri", paramLabel = "URI",
            description = "Where webauth journeys end: one of the client's redirect URIs (default <api>/demo/callback)")
    private String redirectUri;

    @Option(names = "--new-user", description = "Create a new user even if the saved one still works")
    private boolean newUser;

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal;
        Optional<Profile> saved = root.store.load();
        String api = root.apiRoot(saved);
        Profile profile = saved.filter(p -> p.api().equals(api)).orElse(Profile.empty(api));
        Passerelle anonymous = Passerelle.builder(api).build();

        if (token != null) {
            User user = anonymous.withToken(token).me().get();
            profile = profile.withUser(user.id(), token);
        } else if (clientId != null || configTokenFile == null) {
            long client = clientId != null ? clientId : askClientId(terminal, profile);
            String secret = clientSecretFile != null ? read(clientSecretFile) : terminal.askSecret("Client secret: ");
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("No client secret given");
            }
            boolean sameClient = Long.valueOf(client).equals(profile.clientId());
            profile = user(anonymous, profile.withClient(client, secret.strip()), sameClient);
        }
        if (configTokenFile != null) {
            String config = read(configTokenFile);
            anonymous.withToken(config).webhooks().list(); // refused unless it is the config token
            profile = profile.withConfigToken(config);
        }
        profile = profile.withRedirectUri(redirectUri != null ? redirectUri
                : Optional.ofNullable(profile.redirectUri()).orElse(api + "/demo/callback"));
        root.store.save(profile);
        terminal.say("Logged in to " + api + (profile.userId() == null ? "" : " as user " + profile.userId())
                + (profile.clientId() == null ? "" : " of client " + profile.clientId())
                + (profile.configToken() == null ? "" : ", with the config token") + ".");
        terminal.say("Saved in " + root.store.file() + " (readable by you only).");
        return 0;
    }

    /** The saved user of the same client if its token still works, else a new permanent user. */
    private Profile user(Passerelle anonymous, Profile profile, boolean sameClient) {
        if (sameClient && profile.userToken() != null && !newUser) {
            try {
                anonymous.withToken(profile.userToken()).me().get();
                return profile;
            } catch (AuthenticationException expired) {
                root.terminal.say("The saved user's token no longer works: creating a new user.");
            }
        }
        AuthToken created = anonymous.auth().init(profile.clientId(), profile.clientSecret());
        return profile.withUser(created.idUser(), created.authToken());
    }

    private static long askClientId(Terminal terminal, Profile profile) {
        String suggested = profile.clientId() == null ? "10000001" : profile.clientId().toString();
        String typed = terminal.ask("Client id [" + suggested + "]: ");
        return Long.parseLong(typed == null || typed.isBlank() ? suggested : typed.strip());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }
}
