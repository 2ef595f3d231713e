package dev.passerelle.client.model;

import java.time.Duration;
import java.time.LocalDateTime;

/** The sandbox test clock ({@code /test/clock}, {@code /users/me/test/clock}): its time and how far it was moved. */
public record ClockTime(LocalDateTime now, Duration offset) {
}
