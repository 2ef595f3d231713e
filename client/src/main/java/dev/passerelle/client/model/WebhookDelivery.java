package dev.passerelle.client.model;

import java.time.LocalDateTime;

/**
 * One delivery of an endpoint's log: {@code status} is {@code pending}, {@code delivered} or
 * {@code failed}; {@code id} is the {@code id_webhook_data} the receiver saw.
 */
public record WebhookDelivery(long id, long idWebhook, String event, String status, LocalDateTime created,
                              LocalDateTime nextAttempt, LocalDateTime delivered, LocalDateTime lastAttempt,
                              Integer lastStatus, String lastError, LocalDateTime replayed) {
}
