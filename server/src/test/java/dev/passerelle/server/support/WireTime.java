package dev.passerelle.server.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;

/** Reads the API's naive date-times ({@code 2026-03-01 10:00:00}, in the default Europe/Paris zone). */
public final class WireTime {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private WireTime() {
    }

    /** The instant of a wire date-time; the node must hold one. */
    public static Instant instant(JsonNode value) {
        return LocalDateTime.parse(value.asString(), WIRE).atZone(ZONE).toInstant();
    }
}
