package dev.passerelle.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How values look on the wire (docs/protocol.md §11.4): date-times as {@code YYYY-MM-DD HH:MM:SS}
 * in the configured zone (stored in UTC), dates as {@code YYYY-MM-DD}, decimals as plain JSON
 * numbers without trailing zeros ({@code -196.38}).
 */
@Configuration(proxyBeanMethods = false)
public class WireFormat {

    /** The pattern of every date-time the API emits ([sdk] "sql-date-time"). */
    public static final String DATE_TIME_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private final DateTimeFormatter dateTime;

    public WireFormat(WireProperties properties) {
        this.dateTime = DateTimeFormatter.ofPattern(DATE_TIME_PATTERN).withZone(properties.timeZone());
    }

    /**
     * Renders an instant as the API does. Written out by hand for the years of four digits (every
     * instant the API stores): a page of transactions holds three per row, and the general
     * formatter cost more than the rest of the row (docs/performance.md, P2).
     */
    public String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, dateTime.getZone());
        if (local.getYear() < 0 || local.getYear() > 9999) {
            return dateTime.format(instant);
        }
        char[] text = "0000-00-00 00:00:00".toCharArray();
        digits(text, 0, 4, local.getYear());
        digits(text, 5, 2, local.getMonthValue());
        digits(text, 8, 2, local.getDayOfMonth());
        digits(text, 11, 2, local.getHour());
        digits(text, 14, 2, local.getMinute());
        digits(text, 17, 2, local.getSecond());
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            text[i] = (char) ('0' + value % 10);
        }
    }

    /** The zone naive wire date-times are read and written in. */
    public ZoneId zone() {
        return dateTime.getZone();
    }

    @Bean
    public JacksonModule passerelleWireModule() {
        SimpleModule module = new SimpleModule("passerelle-wire");
        module.addSerializer(Instant.class, new ValueSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(format(value));
            }
        });
        module.addSerializer(BigDecimal.class, new ValueSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeNumber(plain(value));
            }
        });
        return module;
    }

    /** A decimal as a plain number string: {@code 12.50} → {@code 12.5}, {@code 100.00} → {@code 100}. */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** {@code passerelle.time-zone}: the zone of naive wire date-times, Europe/Paris by default. */
    @ConfigurationProperties("passerelle")
    public record WireProperties(ZoneId timeZone) {
        public WireProperties {
            timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
        }
    }
}
