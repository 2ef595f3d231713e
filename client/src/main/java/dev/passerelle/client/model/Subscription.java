package dev.passerelle.client.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A subscription (a bill provider's contract): like accounts, discovered disabled; enabling it
 * fetches its documents. {@code documents} is only set in webhook bodies; {@code connection} only
 * when asked with {@code expand=connection}.
 */
public record Subscription(long id, Long idConnection, Long idUser, Long idSource, String number, String label,
                           String subscriber, LocalDate validity, LocalDate renewdate, String error,
                           LocalDateTime lastUpdate, LocalDateTime deleted, LocalDateTime disabled,
                           List<Document> documents, Connection connection) {

    public boolean enabled() {
        return disabled == null;
    }
}
