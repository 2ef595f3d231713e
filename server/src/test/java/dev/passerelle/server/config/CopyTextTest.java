package dev.passerelle.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void whenValuesHoldSeparatorsOrBackslashesThenTheyAreEscaped() {
        StringWriter out = new StringWriter();
        CopyText rows = new CopyText(out);

        rows.field("a\tb").field("line\nbreak\r").field("back\\slash").field("\\N").endRow();

        assertThat(out).hasToString("a\\tb\tline\\nbreak\\r\tback\\\\slash\t\\\\N\n");
    }

    @Test
    void whenAValueIsNullThenItIsWrittenAsTheNullMarkerAndAnEmptyStringStaysEmpty() {
        StringWriter out = new StringWriter();
        CopyText rows = new CopyText(out);

        rows.field(null).field("").endRow();
        rows.field("next").endRow();

        assertThat(out).hasToString("\\N\t\nnext\n");
    }

    @Test
    void whenValuesAreTypedThenTheyAreWrittenAsPostgresReadsThem() {
        StringWriter out = new StringWriter();

        new CopyText(out).field(true).field(false).field(new BigDecimal("1E+3")).field(LocalDate.of(2024, 2, 29))
                .field(OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC)).field(42L).endRow();

        assertThat(out).hasToString("t\tf\t1000\t2024-02-29\t2024-03-01T10:00:00Z\t42\n");
    }
}
