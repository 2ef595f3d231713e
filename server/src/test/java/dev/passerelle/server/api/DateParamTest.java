package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateParamTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NINE_UTC = Instant.parse("2024-03-01T09:00:00Z");

    private static DateParam param(String raw) {
        return DateParam.of("min_date", raw, PARIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:00:00Z", "2024-03-01T10:00:00+01:00", "2024-03-01T10:00:00+0100",
            "2024-03-01T10:00:00+01", "2024-03-01 10:00:00+0100", "2024-03-01T04:30:00-0430"})
    void everyIsoOffsetFormNamesTheSameInstant(String raw) {
        assertThat(param(raw).instant()).isEqualTo(NINE_UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T10:00:00 01:00", "2024-03-01T10:00:00 0100", "2024-03-01T10:00:00 01",
            "2024-03-01 10:00:00 0100"})
    void anOffsetWhosePlusAQueryStringTurnedIntoASpaceIsReadAsPositive(String raw) {
        assertThat(param(raw).instant()).isEqualTo(NINE_UTC);
    }

    @Test
    void aDateTimeWithoutOffsetIsReadInTheApiZone() {
        assertThat(param("2024-03-01 10:00:00").instant()).isEqualTo(NINE_UTC);
        assertThat(param("2024-03-01T10:00:00.000").instant()).isEqualTo(NINE_UTC);
    }

    @Test
    void aDateTimeWithAnOffsetFallsOnItsDayInTheApiZone() {
        assertThat(param("2024-02-29T23:30:00Z").firstDay()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T10:00:00Z", "2024-02-30 10:00:00", "2024-02-30", "2024-13", "2024-03-01T24:00:00",
            "2024-03-01T10:00:00+1", "2024-03-01T10:00:00+01:0", "2024-03-01T10:00:00+25:00", "2024-03-01T10:00:00UTC",
            "yesterday"})
    void anImpossibleOrMalformedDateIsAnInvalidValue(String raw) {
        assertThatThrownBy(() -> param(raw).instant())
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_VALUE));
    }
}
