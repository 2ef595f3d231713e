package dev.passerelle.client.model;

import java.time.LocalDateTime;

/** One source of a connection, with its own state and consent end ({@code access_expire}). */
public record ConnectionSource(long id, long idConnection, Integer idConnectorSource, String name, ConnectionState state,
                               String errorMessage, LocalDateTime lastUpdate, LocalDateTime created,
                               LocalDateTime disabled, LocalDateTime accessExpire, LocalDateTime expire,
                               LocalDateTime nextTry) {
}
