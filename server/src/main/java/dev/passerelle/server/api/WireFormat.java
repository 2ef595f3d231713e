package dev.passerelle.server.api;

import java.math.BigDecimal;
import java.time.Instant;
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
 * How values look on the wire (PROTOCOL-NOTES §11.4): date-times as {@code YYYY-MM-DD HH:MM:SS}
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

    /** Renders an instant as the API does. */
    public String format(Instant instant) {
        return instant == null ? null : dateTime.format(instant);
    }

    /** The zone naive wire date-times are read and written in. */
    public ZoneId zone() {
        return dateTime.getZone();
    }

    @Bean
    JacksonModule passerelleWireModule() {
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
