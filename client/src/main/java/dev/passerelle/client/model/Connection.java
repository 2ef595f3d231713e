package dev.passerelle.client.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A connection: a user's link to one institution (docs/connections.md). {@link #state()} null means
 * nothing waits; otherwise {@link #fields()} may say what to ask the user and
 * {@link #errorMessage()} gives the institution's words. {@code error} is the deprecated alias of
 * {@code state}, kept raw. The expanded members ({@code connector}, {@code sources},
 * {@code accounts}, …) are null unless asked with {@code expand}.
 */
public record Connection(long id, Long idUser, int idConnector, UUID connectorUuid, ConnectionState state,
                         String error, String errorMessage, List<ConnectorField> fields, LocalDateTime lastUpdate,
                         LocalDateTime created, Boolean active, LocalDateTime lastPush, LocalDateTime expire,
                         LocalDateTime nextTry, Connector connector, List<ConnectionSource> sources,
                         List<Account> accounts, List<Account> allAccounts, List<Subscription> subscriptions,
                         List<Subscription> allSubscriptions) {

    /** Whether the last step went through and nothing waits on anyone. */
    public boolean ok() {
        return state == null;
    }

    /** The fields the connection asks for now; empty when none. */
    public List<ConnectorField> requestedFields() {
        return fields == null ? List.of() : fields;
    }
}
