package dev.passerelle.client.model;

import java.time.LocalDateTime;

/** One step of a connection's support timeline ({@code GET …/logs}): who, when, from which state to which, why. */
public record ConnectionLog(long id, long idConnection, String source, LocalDateTime timestamp, String actor,
                            String fromState, String toState, String cause) {
}
