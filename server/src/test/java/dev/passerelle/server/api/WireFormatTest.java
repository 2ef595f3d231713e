package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class WireFormatTest {

    private final WireFormat paris = new WireFormat(new WireFormat.WireProperties(ZoneId.of("Europe/Paris")));

    @Test
    void dateTimesAreTheZonesWallClockAsTheApiWritesThem() {
        assertThat(paris.format(Instant.parse("2025-01-05T08:07:09Z"))).isEqualTo("2025-01-05 09:07:09");
        assertThat(paris.format(Instant.parse("2025-07-05T22:30:00Z"))).isEqualTo("2025-07-06 00:30:00");
        assertThat(paris.format(null)).isNull();
    }

    @Test
    void theHandWrittenFormatAgreesWithThePatternAcrossYearsAndDaylightSavingChanges() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern(WireFormat.DATE_TIME_PATTERN).withZone(ZoneId.of("Europe/Paris"));
        SplittableRandom random = new SplittableRandom(11);
        List<Instant> instants = IntStream.range(0, 5000)
                .mapToObj(i -> Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L)))
                .toList();

        assertThat(instants).allSatisfy(instant -> assertThat(paris.format(instant)).isEqualTo(pattern.format(instant)));
        assertThat(paris.format(Instant.parse("2025-03-30T01:00:00Z"))).isEqualTo("2025-03-30 03:00:00");
        assertThat(paris.format(Instant.parse("2025-10-26T00:59:59Z"))).isEqualTo("2025-10-26 02:59:59");
        assertThat(paris.format(Instant.parse("2025-10-26T01:00:00Z"))).isEqualTo("2025-10-26 02:00:00");
    }

    @Test
    void yearsOfMoreThanFourDigitsAreWrittenAsThePatternWritesThem() {
        Instant far = Instant.parse("+12025-01-01T00:00:00Z");

        assertThat(paris.format(far)).isEqualTo(DateTimeFormatter.ofPattern(WireFormat.DATE_TIME_PATTERN)
                .withZone(ZoneId.of("Europe/Paris")).format(far));
    }

    @Test
    void dateTimesWrittenToJsonAreTheFormattedOnesInBothGenerators() {
        SplittableRandom random = new SplittableRandom(12);
        List<Instant> instants = IntStream.range(0, 5000)
                .mapToObj(i -> Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000)))
                .toList();

        assertThat(instants).allSatisfy(instant -> assertThat(json(gen -> paris.writeDateTime(gen, instant)))
                .isEqualTo('"' + paris.format(instant) + '"'));
        assertThat(json(gen -> paris.writeDateTime(gen, null))).isEqualTo("null");
    }

    @Test
    void theOffsetKeptForASpanEndsExactlyAtTheZonesTransitions() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern(WireFormat.DATE_TIME_PATTERN).withZone(ZoneId.of("Europe/Paris"));
        Instant summer = Instant.parse("2025-03-30T01:00:00Z");
        Instant winter = Instant.parse("2025-10-26T01:00:00Z");
        // each instant read right after one on the other side of a transition, both ways, to the second
        List<Instant> acrossTransitions = List.of(summer, summer.minusSeconds(1), summer, summer.plusSeconds(1),
                summer.minusNanos(1), winter.minusSeconds(1), winter, winter.minusNanos(1), winter.plusNanos(1),
                winter.minusSeconds(1), summer.minusSeconds(86_400 * 180L), winter.plusSeconds(86_400 * 400L), summer);

        assertThat(acrossTransitions).allSatisfy(instant -> assertThat(paris.format(instant)).isEqualTo(pattern.format(instant)));
    }

    @Test
    void aZoneWithoutTransitionsKeepsOneOffsetForEveryInstant() {
        WireFormat utc = new WireFormat(new WireFormat.WireProperties(ZoneOffset.UTC));

        assertThat(utc.format(Instant.parse("2025-01-05T08:07:09Z"))).isEqualTo("2025-01-05 08:07:09");
        assertThat(utc.format(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31 23:59:59");
    }

    @Test
    void datesWrittenToJsonAreTheirIsoForm() {
        SplittableRandom random = new SplittableRandom(13);
        List<LocalDate> dates = IntStream.range(0, 5000)
                .mapToObj(i -> LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000)))
                .toList();

        assertThat(dates).allSatisfy(date -> assertThat(json(gen -> WireFormat.writeDate(gen, date)))
                .isEqualTo('"' + date.toString() + '"'));
        assertThat(json(gen -> WireFormat.writeDate(gen, LocalDate.of(2025, 6, 2)))).isEqualTo("\"2025-06-02\"");
        assertThat(json(gen -> WireFormat.writeDate(gen, null))).isEqualTo("null");
    }

    @Test
    void decimalsWrittenToJsonAreThePlainNumbers() {
        SplittableRandom random = new SplittableRandom(14);
        List<BigDecimal> decimals = IntStream.range(0, 20_000)
                .mapToObj(i -> new BigDecimal(BigInteger.valueOf(random.nextLong()).shiftRight(random.nextInt(64))
                        .multiply(BigInteger.TEN.pow(random.nextInt(4))), random.nextInt(-4, 24)))
                .toList();

        assertThat(decimals).allSatisfy(decimal -> assertThat(json(gen -> WireFormat.writeDecimal(gen, decimal)))
                .isEqualTo(WireFormat.plain(decimal)));
        assertThat(List.of("-12.50", "100.00", "0.00", "0.05", "-0.001", "1E+3", "123456789012345678.9", "1E-30"))
                .allSatisfy(text -> assertThat(json(gen -> WireFormat.writeDecimal(gen, new BigDecimal(text))))
                        .isEqualTo(WireFormat.plain(new BigDecimal(text))));
        assertThat(json(gen -> WireFormat.writeDecimal(gen, new BigDecimal("-12.50")))).isEqualTo("-12.5");
        assertThat(json(gen -> WireFormat.writeDecimal(gen, null))).isEqualTo("null");
    }

    /** What {@code write} puts in a JSON document, the same through a byte generator and a character one. */
    private static String json(Consumer<JsonGenerator> write) {
        JsonMapper mapper = JsonMapper.builder().build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator gen = mapper.createGenerator(bytes)) {
            write.accept(gen);
        }
        StringWriter chars = new StringWriter();
        try (JsonGenerator gen = mapper.createGenerator(chars)) {
            write.accept(gen);
        }
        assertThat(chars.toString()).isEqualTo(bytes.toString(StandardCharsets.UTF_8));
        return chars.toString();
    }
}
