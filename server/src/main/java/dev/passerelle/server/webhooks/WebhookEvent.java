package dev.passerelle.server.webhooks;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The events an endpoint can subscribe to (docs/protocol.md §8.2); the others of docs/protocol.md §8.2 are not emitted. */
public enum WebhookEvent {
    USER_CREATED, USER_DELETED, CONNECTION_SYNCED, CONNECTION_DELETED, ACCOUNTS_FETCHED, ACCOUNT_SYNCED,
    ACCOUNT_ENABLED, ACCOUNT_DISABLED, SUBSCRIPTION_SYNCED;

    /** Parses event names, upper or lower case; an unknown name is reported, never ignored. */
    static Set<WebhookEvent> parse(List<String> names) {
        Set<WebhookEvent> events = new LinkedHashSet<>();
        for (String name : names) {
            String normalized = name.strip().toUpperCase(Locale.ROOT);
            events.add(Arrays.stream(values()).filter(e -> e.name().equals(normalized)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name.strip())));
        }
        return events;
    }

    static String join(Set<WebhookEvent> events) {
        return events.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static List<String> split(String joined) {
        return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
