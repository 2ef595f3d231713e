package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
}
