package dev.passerelle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code passerelle webhooks}: receive them on this machine, send test ones. Needs the config token. */
@Command(name = "webhooks", description = "Receive webhooks on this machine, send test events.",
        subcommands = {WebhooksListenCommand.class, WebhooksTriggerCommand.class})
final class WebhooksCommand {

    @ParentCommand
    PasserelleCommand root;
}
