package dev.passerelle.client;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The wire's JSON as Powens documents it (docs/protocol.md, "Conventions"): snake_case names,
 * date-times {@code YYYY-MM-DD HH:MM:SS} without a zone (the server's zone, Europe/Paris on
 * Passerelle by default, hence {@link LocalDateTime}), dates {@code YYYY-MM-DD}, decimals as JSON
 * numbers. Unknown properties and unknown enum values are tolerated, as the protocol asks of clients:
 * a server may add keys at any time.
 */
public final class Wire {

    /** {@code YYYY-MM-DD HH:MM:SS}, also with fractional seconds (legacy examples show microseconds). */
    public static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .addModule(new SimpleModule("passerelle-wire")
                    .addDeserializer(LocalDateTime.class, new ValueDeserializer<>() {
                        @Override
                        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
                            return dateTime(p.getValueAsString());
                        }
                    })
                    .addDeserializer(BigDecimal.class, new ValueDeserializer<>() {
                        @Override
                        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
                            return decimal(p, ctxt);
                        }
                    })
                    .addSerializer(LocalDateTime.class, new ValueSerializer<>() {
                        @Override
                        public void serialize(LocalDateTime value, JsonGenerator gen, SerializationContext ctxt) {
                            gen.writeString(DATE_TIME.format(value.withNano(0)));
                        }
                    }))
            .build();

    /** The most digits a decimal may have before or after its point: amounts have a handful. */
    private static final int MAX_DECIMAL_DIGITS = 64;

    private Wire() {
    }

    /**
     * A JSON number as a {@link BigDecimal}, refused past {@value #MAX_DECIMAL_DIGITS} digits on either
     * side of the point: {@code 1e99999999} is a few bytes on the wire, but the caller's first
     * {@code setScale(2)} or {@code toPlainString()} of it computes a hundred million digits (most of a
     * minute of CPU).
     */
    private static BigDecimal decimal(JsonParser p, DeserializationContext ctxt) {
        BigDecimal value = p.getDecimalValue();
        if (value.scale() > MAX_DECIMAL_DIGITS || value.precision() - value.scale() > MAX_DECIMAL_DIGITS) {
            return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value,
                    "more than " + MAX_DECIMAL_DIGITS + " digits on one side of the point");
        }
        return value;
    }

    /** The mapper every call of the SDK reads and writes with. */
    public static JsonMapper json() {
        return MAPPER;
    }

    /**
     * A wire date-time: the documented {@code YYYY-MM-DD HH:MM:SS}, or an ISO-8601 one that some
     * servers send (with {@code T}, with or without an offset, whose local part is kept).
     */
    public static LocalDateTime dateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException notSql) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                return OffsetDateTime.parse(text).toLocalDateTime();
            }
        }
    }
}
