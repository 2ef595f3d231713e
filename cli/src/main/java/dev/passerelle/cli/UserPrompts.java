package dev.passerelle.cli;

import dev.passerelle.client.Passerelle;
import dev.passerelle.client.flow.ConnectionFlow;
import dev.passerelle.client.model.Connection;
import dev.passerelle.client.model.ConnectorField;
import dev.passerelle.client.model.FieldValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code connect} and {@code sync} ask the person: connector fields (lists as numbered choices,
 * passwords without echo), one-time codes, the wait for a validation in the bank's app (a spinner
 * with the time elapsed), the webauth link to open.
 */
final class UserPrompts implements AutoCloseable {

    private final Terminal terminal;
    private final boolean openBrowser;
    private Terminal.Spinner spinner;
    private volatile String waitingFor = "";

    UserPrompts(Terminal terminal, boolean openBrowser) {
        this.terminal = terminal;
        this.openBrowser = openBrowser;
    }

    /** A flow on the user's connections that asks through this terminal. */
    ConnectionFlow flow(Passerelle user, Profile profile) {
        ConnectionFlow flow = ConnectionFlow.with(user.me().connections())
                .onFields((connection, fields, message) -> {
                    stopSpinner();
                    return ask(fields, message, Map.of());
                })
                .onDecoupled(this::waiting);
        if (profile.clientId() != null) {
            flow.onWebauth(profile.clientId(), profile.redirectUri(), this::openWebauth);
        }
        return flow;
    }

    /**
     * Values for {@code fields}, those in {@code given} taken as they are; empty when the person gave up
     * (end of input). {@code message} is the institution's, shown first.
     */
    Map<String, String> ask(List<ConnectorField> fields, String message, Map<String, String> given) {
        if (message != null && !message.isBlank()) {
            terminal.say(message);
        }
        Map<String, String> values = new LinkedHashMap<>(given);
        for (ConnectorField field : fields) {
            if (values.containsKey(field.name()) || !field.mandatory() && !terminal.interactive()) {
                continue; // a script gives what it wants with the command; the rest keeps its default
            }
            Optional<String> value = ask(field);
            if (value.isEmpty()) {
                return Map.of();
            }
            if (!value.get().isEmpty()) {
                values.put(field.name(), value.get());
            }
        }
        return values;
    }

    /** One field's value; "" for an optional field left blank; empty when input ends before a required one. */
    private Optional<String> ask(ConnectorField field) {
        String label = Optional.ofNullable(field.label()).orElse(field.name());
        List<FieldValue> choices = Optional.ofNullable(field.values()).orElse(List.of());
        while (true) {
            String typed;
            if (!choices.isEmpty()) {
                for (int i = 0; i < choices.size(); i++) {
                    terminal.say(String.format("  %2d. %s", i + 1, choices.get(i).label()));
                }
                typed = terminal.ask(label + " [1-" + choices.size() + (field.mandatory() ? "" : ", Enter for the default") + "]: ");
            } else {
                typed = field.secret() ? terminal.askSecret(label + ": ") : terminal.ask(label + ": ");
            }
            if (typed == null) {
                return field.mandatory() ? Optional.empty() : Optional.of(""); // end of input: the default
            }
            String value = typed.strip();
            if (value.isEmpty() && !field.mandatory()) {
                return Optional.of("");
            }
            if (!choices.isEmpty()) {
                Optional<String> chosen = choice(choices, value);
                if (chosen.isPresent()) {
                    return chosen;
                }
                terminal.say("Type a number from 1 to " + choices.size() + ".");
            } else if (!value.isEmpty()) {
                return Optional.of(value);
            } else {
                terminal.say(label + " is required.");
            }
        }
    }

    private static Optional<String> choice(List<FieldValue> choices, String typed) {
        try {
            int index = Integer.parseInt(typed) - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index).value()) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return choices.stream().map(FieldValue::value).filter(typed::equals).findFirst();
        }
    }

    /** A spinner with {@code message} until the next question or the end; replaces the current one. */
    void busy(String message) {
        stopSpinner();
        waitingFor = message;
        spinner = terminal.spin(() -> waitingFor);
    }

    private void waiting(Connection connection, Duration elapsed) {
        String message = Optional.ofNullable(connection.errorMessage()).orElse("Validate the connection in your bank's app");
        if (spinner == null) {
            busy(message);
        }
        waitingFor = message;
    }

    private Optional<URI> openWebauth(URI url) {
        stopSpinner();
        terminal.say("Sign in at your bank in a browser:");
        terminal.say("  " + url);
        // Only a web page is opened: the link comes from the server, and xdg-open would run
        // whatever handler another scheme (file:, a custom one) names.
        boolean webPage = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
        if (openBrowser && terminal.interactive() && webPage) {
            try {
                new ProcessBuilder("xdg-open", url.toString()).start();
            } catch (IOException noBrowser) {
                terminal.say("(could not open a browser: open the link yourself)");
            }
        }
        busy("Waiting for you to finish at your bank");
        return Optional.empty(); // the flow watches the connection
    }

    private void stopSpinner() {
        if (spinner != null) {
            spinner.close();
            spinner = null;
        }
    }

    @Override
    public void close() {
        stopSpinner();
    }
}
