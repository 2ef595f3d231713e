package dev.passerelle.cli;

import dev.passerelle.client.Passerelle;
import dev.passerelle.client.model.Webhook;
import dev.passerelle.client.model.WebhookDelivery;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code passerelle webhooks trigger EVENT}: a test call of EVENT with a sample body (docs/webhooks.md,
 * "Test events") to one endpoint, or to every endpoint of the client subscribed to EVENT that receives
 * calls now: those the server posts to, and a running {@code webhooks listen}.
 */
@Command(name = "trigger", description = "Send a test event (sample body) to the client's endpoints.")
final class WebhooksTriggerCommand implements Callable<Integer> {

    @ParentCommand
    private WebhooksCommand webhooks;

    @Parameters(paramLabel = "EVENT", description = "USER_CREATED, CONNECTION_SYNCED, ACCOUNT_SYNCED, …")
    private String event;

    @Option(names = "--webhook", paramLabel = "ID", description = "This endpoint only, subscribed or not")
    private Long webhook;

    @Override
    public Integer call() {
        PasserelleCommand root = webhooks.root;
        Passerelle admin = root.asAdmin();
        String name = event.toUpperCase(Locale.ROOT);
        List<Long> targets = webhook != null ? List.of(webhook) : admin.webhooks().list().stream()
                .filter(w -> root.profile().clientId() == null || w.idClient() == root.profile().clientId())
                .filter(w -> w.events().contains(name) && w.receiving()).map(Webhook::id).toList();
        if (targets.isEmpty()) {
            root.terminal.say("No endpoint of client " + root.profile().clientId() + " is subscribed to " + name
                    + ": start `passerelle webhooks listen --forward-to URL`, or pass --webhook ID.");
            return 1;
        }
        for (long id : targets) {
            WebhookDelivery delivery = admin.webhooks().sendTestEvent(id, name);
            root.terminal.say("Sent a test " + delivery.event() + " to endpoint " + id + " (id_webhook_data "
                    + delivery.id() + ").");
        }
        return 0;
    }
}
