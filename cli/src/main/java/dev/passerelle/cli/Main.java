package dev.passerelle.cli;

import dev.passerelle.client.ApiConnectionException;
import dev.passerelle.client.ApiException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** {@code passerelle}: the entry point of the runnable jar (docs/cli.md). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system(), System.getenv()));
    }

    /** Runs one command line; answers the exit status: 0 done, 1 failed, 2 bad usage, 3 left waiting on the user. */
    static int run(String[] args, Terminal terminal, Map<String, String> env) {
        return commandLine(terminal, env).execute(args);
    }

    static CommandLine commandLine(Terminal terminal, Map<String, String> env) {
        CommandLine cli = new CommandLine(new PasserelleCommand(terminal, ConfigStore.of(env), env));
        cli.setOut(new PrintWriter(terminal.out(), true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            terminal.say("Error: " + describe(error));
            return 1;
        });
        return cli;
    }

    /** What went wrong, for a person: the API's code and words, or why it could not be reached. */
    private static String describe(Exception error) {
        return switch (error) {
            case ApiException api -> api.code() + (api.userMessage() != null ? ": " + api.userMessage()
                    : api.description() != null ? ": " + api.description() : "")
                    + (api.requestId() == null ? "" : " (request " + api.requestId() + ")");
            case ApiConnectionException unreachable -> unreachable.getMessage();
            case UncheckedIOException io -> io.getCause().getMessage();
            default -> error.getMessage() == null ? error.toString() : error.getMessage();
        };
    }
}
