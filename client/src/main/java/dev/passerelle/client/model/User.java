package dev.passerelle.client.model;

import java.time.LocalDateTime;

/** A user: {@code {id, signin}}. */
public record User(long id, LocalDateTime signin) {
}
